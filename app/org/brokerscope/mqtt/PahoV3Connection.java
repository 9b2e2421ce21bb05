package org.brokerscope.mqtt;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.brokerscope.domain.Message;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A {@link BrokerConnection} over the Eclipse Paho MQTT 3.1.1 client, for brokers that refuse MQTT 5.
 * Reconnect, resubscribe and close are {@link ConnectionLifecycle}'s, as for {@link PahoV5Connection}.
 */
public final class PahoV3Connection implements BrokerConnection {
    private final ConnectionSettings settings;
    private final MessageSink sink;
    private final PahoV3PingSender pingSender;
    private final MqttAsyncClient client;
    private final ConnectionLifecycle lifecycle;
    private volatile MqttConnectOptions options;

    public PahoV3Connection(ConnectionSettings settings, MessageSink sink) {
        this(settings, sink, Backoff.standard(), null);
    }

    /**
     * @param clientThreads runs Paho's network and callback work, shared by many connections (see
     *                      {@link SharedClientExecutor}); {@code null} for Paho's own threads
     */
    public PahoV3Connection(ConnectionSettings settings, MessageSink sink, ScheduledExecutorService clientThreads) {
        this(settings, sink, Backoff.standard(), clientThreads);
    }

    PahoV3Connection(ConnectionSettings settings, MessageSink sink, Backoff backoff) {
        this(settings, sink, backoff, null);
    }

    private PahoV3Connection(ConnectionSettings settings, MessageSink sink, Backoff backoff,
                             ScheduledExecutorService clientThreads) {
        this.settings = settings;
        this.sink = sink;
        this.pingSender = new PahoV3PingSender(settings.keepAliveSeconds());
        try {
            // Not Paho's own ping timer (a Timer thread per client, or the shared executor's one timer thread):
            // it noticed a silent broker up to 2x keep-alive late, and ran the shutdown on the timer itself.
            this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence(),
                    pingSender, clientThreads);
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot create an MQTT client for " + settings.serverUri()
                    + ": " + e.getMessage(), e);
        }
        this.lifecycle = new ConnectionLifecycle(settings, new Client(), backoff, Clock.systemUTC());
        client.setCallback(new Callback());
    }

    @Override
    public CompletableFuture<Void> connect() {
        try {
            this.options = options();
        } catch (TlsSetupException e) {
            return lifecycle.refuse(e);
        }
        return lifecycle.connect();
    }

    private MqttConnectOptions options() throws TlsSetupException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        // 3.1.1 has no session expiry: a kept session is simply cleanSession=false.
        o.setCleanSession(settings.sessionExpirySeconds() == 0);
        o.setKeepAliveInterval(settings.keepAliveSeconds());
        settings.credentials().ifPresent(c -> {
            o.setUserName(c.username());
            o.setPassword(c.password());
        });
        settings.will().ifPresent(w -> o.setWill(w.topic(), w.payload(), w.qos(), w.retained()));
        // Paho v3's automatic reconnect also runs its own Timer thread ("MQTT Reconnect: ..."); ours has none.
        o.setAutomaticReconnect(false);
        if (settings.secure()) {
            TlsOptions tls = settings.tls().orElse(TlsOptions.defaults());
            o.setSocketFactory(TlsContexts.socketFactory(tls));
            o.setHttpsHostnameVerificationEnabled(tls.verifyHostname());
        } else if (BufferedSockets.suits(settings.serverUri())) {
            o.setSocketFactory(BufferedSockets.INSTANCE);
        }
        return o;
    }

    @Override
    public CompletableFuture<Void> subscribe(String topicFilter, int qos) {
        return lifecycle.subscribe(Subscription.of(topicFilter, qos),
                () -> call(listener -> client.subscribe(topicFilter, qos, null, listener)));
    }

    @Override
    public java.util.List<Subscription> subscriptions() {
        return lifecycle.subscriptions();
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String topicFilter) {
        lifecycle.forget(topicFilter);
        return call(listener -> client.unsubscribe(topicFilter, null, listener));
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        return call(listener -> client.publish(topic, payload, qos, retained, null, listener));
    }

    @Override
    public ConnectionState state() {
        return lifecycle.state();
    }

    @Override
    public Optional<String> lastError() {
        return lifecycle.lastError();
    }

    @Override
    public Optional<NegotiatedSession> negotiated() {
        return state() == ConnectionState.CONNECTED ? Optional.of(NegotiatedSession.mqtt311()) : Optional.empty();
    }

    @Override
    public Optional<ConnectionFailure> lastFailure() {
        return lifecycle.lastFailure();
    }

    @Override
    public Optional<Instant> nextReconnectAttempt() {
        return lifecycle.nextAttempt();
    }

    @Override
    public void reconnectNow() {
        lifecycle.reconnectNow();
    }

    @Override
    public String serverUri() {
        return settings.serverUri();
    }

    @Override
    public void close() {
        lifecycle.close();
    }

    private CompletableFuture<Void> call(PahoCall action) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            action.start(new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    result.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    result.completeExceptionally(error);
                }
            });
        } catch (MqttException | RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @FunctionalInterface
    private interface PahoCall {
        void start(IMqttActionListener listener) throws MqttException;
    }

    private final class Client implements ConnectionLifecycle.Client {
        @Override
        public CompletableFuture<Void> connectOnce() {
            return call(listener -> client.connect(options, null, listener));
        }

        @Override
        public boolean isConnected() {
            return client.isConnected();
        }

        @Override
        public void disconnect(long timeoutMs) throws MqttException {
            // Paho v3 waits for in-flight work before it sends DISCONNECT, and a ping sent meanwhile held that
            // wait to its whole timeout in about half the closes at a 1 s keep-alive (its own timer too): the
            // close was slow, and the DISCONNECT could come too late to keep the broker from sending the will.
            pingSender.stop();
            client.disconnect(timeoutMs).waitForCompletion(timeoutMs);
        }

        @Override
        public void disconnectForcibly(long timeoutMs) throws MqttException {
            client.disconnectForcibly(0, timeoutMs, false);
        }

        @Override
        public void release() throws MqttException {
            client.close(true);
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // 3.1.1 has no message properties; copy and hand over, nothing more on this thread.
            sink.accept(Message.received(topic, message.getPayload(), message.getQos(), message.isRetained()));
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            lifecycle.connectComplete();
        }

        @Override
        public void connectionLost(Throwable cause) {
            String error = cause != null ? ConnectionFailures.describe(cause) : "connection lost";
            lifecycle.lost(cause != null ? ConnectionFailures.classify(cause)
                    : new ConnectionFailure(FailureKind.DROPPED, Optional.empty(), error), error);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Publish results arrive through each publish's own future.
        }
    }
}
