package org.brokerscope.mqtt;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Auto mode: MQTT 5 first, and 3.1.1 when the broker refuses it. The choice is made on the first
 * successful connect and kept, so reconnects do not probe again.
 */
final class AutoProtocolConnection implements BrokerConnection {
    // Paho v5's codes for "unsupported protocol version" (CONNACK 0x84, or 0x01 from a 3.1.1 broker
    // mapped by Paho) and for a socket closed before any CONNACK, which is how many 3.1.1-only brokers refuse.
    private static final int UNSUPPORTED_PROTOCOL_V5 = 0x84;
    private static final int UNSUPPORTED_PROTOCOL_V3 = 0x01;
    private static final int CONNECTION_LOST = 32109; // MqttClientException.REASON_CODE_CONNECTION_LOST
    // Measured with aedes 1.2.0: it answers a v5 CONNECT with a 3.1.1 CONNACK, return code 1, which Paho v5
    // cannot read as a v5 reason code and reports as 50001 "Invalid Return code". No v5 broker sends that.
    private static final int INVALID_RETURN_CODE = 50001;

    private final ConnectionSettings settings;
    private final MessageSink sink;
    private final ScheduledExecutorService clientThreads;
    private volatile BrokerConnection current;
    private volatile boolean closed;

    AutoProtocolConnection(ConnectionSettings settings, MessageSink sink) {
        this(settings, sink, null);
    }

    /** @param clientThreads shared client threads for both attempts, or {@code null} for Paho's own */
    AutoProtocolConnection(ConnectionSettings settings, MessageSink sink, ScheduledExecutorService clientThreads) {
        this.settings = settings;
        this.sink = sink;
        this.clientThreads = clientThreads;
        this.current = new PahoV5Connection(settings, sink, clientThreads);
    }

    @Override
    public CompletableFuture<Void> connect() {
        BrokerConnection v5 = current;
        return v5.connect().handle((ok, error) -> {
            if (error == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (closed || !refusesMqtt5(error) || !(v5 instanceof PahoV5Connection)) {
                return CompletableFuture.<Void>failedFuture(unwrap(error));
            }
            v5.close();
            BrokerConnection v3 = new PahoV3Connection(settings, sink, clientThreads);
            current = v3;
            return v3.connect();
        }).thenCompose(step -> step);
    }

    static boolean refusesMqtt5(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof MqttException mqtt) {
            int code = mqtt.getReasonCode();
            return code == UNSUPPORTED_PROTOCOL_V5 || code == UNSUPPORTED_PROTOCOL_V3 || code == CONNECTION_LOST
                    || code == INVALID_RETURN_CODE;
        }
        return false;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    @Override
    public CompletableFuture<Void> subscribe(String topicFilter, int qos) {
        return current.subscribe(topicFilter, qos);
    }

    @Override
    public CompletableFuture<Void> subscribe(Subscription subscription) {
        return current.subscribe(subscription);
    }

    @Override
    public java.util.List<Subscription> subscriptions() {
        return current.subscriptions();
    }

    @Override
    public boolean supportsSubscriptionOptions() {
        return current.supportsSubscriptionOptions();
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String topicFilter) {
        return current.unsubscribe(topicFilter);
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        return current.publish(topic, payload, qos, retained);
    }

    @Override
    public CompletableFuture<PublishOutcome> send(PublishRequest request) {
        return current.send(request);
    }

    @Override
    public ConnectionState state() {
        return closed ? ConnectionState.CLOSED : current.state();
    }

    @Override
    public Optional<String> lastError() {
        return current.lastError();
    }

    @Override
    public Optional<ConnectionFailure> lastFailure() {
        return current.lastFailure();
    }

    @Override
    public String serverUri() {
        return settings.serverUri();
    }

    @Override
    public Optional<NegotiatedSession> negotiated() {
        return current.negotiated();
    }

    @Override
    public Optional<java.time.Instant> nextReconnectAttempt() {
        return current.nextReconnectAttempt();
    }

    @Override
    public void reconnectNow() {
        current.reconnectNow();
    }

    @Override
    public void close() {
        closed = true;
        current.close();
    }
}
