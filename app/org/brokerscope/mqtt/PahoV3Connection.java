package org.brokerscope.mqtt;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 * It behaves like {@link PahoV5Connection}: our own reconnect loop, resubscribe after every reconnect,
 * and no thread left after {@link #close()}.
 */
public final class PahoV3Connection implements BrokerConnection {
    private static final System.Logger LOG = System.getLogger(PahoV3Connection.class.getName());
    private static final long DISCONNECT_TIMEOUT_MS = 2_000;
    private static final long MAX_RECONNECT_DELAY_S = 30;

    private final ConnectionSettings settings;
    private final MessageSink sink;
    private final MqttAsyncClient client;
    // Filter -> QoS, replayed after every reconnect: a clean session forgets them.
    private final Map<String, Integer> subscriptions = new ConcurrentHashMap<>();
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile String lastError;
    private volatile ConnectionFailure lastFailure;
    private volatile MqttConnectOptions options;

    public PahoV3Connection(ConnectionSettings settings, MessageSink sink) {
        this.settings = settings;
        this.sink = sink;
        try {
            this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("Cannot create an MQTT client for " + settings.serverUri()
                    + ": " + e.getMessage(), e);
        }
        client.setCallback(new Callback());
    }

    @Override
    public CompletableFuture<Void> connect() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        // 3.1.1 has no session expiry: a kept session is simply cleanSession=false.
        options.setCleanSession(settings.sessionExpirySeconds() == 0);
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        settings.credentials().ifPresent(c -> {
            options.setUserName(c.username());
            options.setPassword(c.password());
        });
        settings.will().ifPresent(w -> options.setWill(w.topic(), w.payload(), w.qos(), w.retained()));
        // Same reason as in PahoV5Connection: Paho's automatic reconnect runs its own Timer thread
        // ("MQTT Reconnect: ...") that we would have to trust close() to stop; our loop has no thread.
        options.setAutomaticReconnect(false);
        this.options = options;
        state = ConnectionState.CONNECTING;
        return call(listener -> client.connect(options, null, listener))
                .whenComplete((ok, error) -> {
                    if (state == ConnectionState.CLOSED) {
                        return;
                    }
                    if (error != null) {
                        lastError = describe(error);
                        lastFailure = ConnectionFailures.atConnect(error, settings.credentials().isPresent());
                        state = ConnectionState.FAILED;
                    } else {
                        lastError = null;
                        lastFailure = null;
                        state = ConnectionState.CONNECTED;
                    }
                });
    }

    @Override
    public CompletableFuture<Void> subscribe(String topicFilter, int qos) {
        subscriptions.put(topicFilter, qos);
        return call(listener -> client.subscribe(topicFilter, qos, null, listener));
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String topicFilter) {
        subscriptions.remove(topicFilter);
        return call(listener -> client.unsubscribe(topicFilter, null, listener));
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        return call(listener -> client.publish(topic, payload, qos, retained, null, listener));
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    @Override
    public Optional<NegotiatedSession> negotiated() {
        return state == ConnectionState.CONNECTED ? Optional.of(NegotiatedSession.mqtt311()) : Optional.empty();
    }

    @Override
    public Optional<ConnectionFailure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    @Override
    public String serverUri() {
        return settings.serverUri();
    }

    @Override
    public void close() {
        if (state == ConnectionState.CLOSED) {
            return;
        }
        state = ConnectionState.CLOSED;
        try {
            if (client.isConnected()) {
                client.disconnect(DISCONNECT_TIMEOUT_MS).waitForCompletion(DISCONNECT_TIMEOUT_MS);
            }
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "Clean disconnect from {0} failed, forcing it: {1}",
                    settings.serverUri(), e.getMessage());
        }
        try {
            client.disconnectForcibly(0, DISCONNECT_TIMEOUT_MS, false);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.TRACE, "Already disconnected: {0}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing the MQTT client for {0} failed: {1}",
                    settings.serverUri(), e.getMessage());
        }
    }

    /** As in {@link PahoV5Connection}: one attempt per delay on the JDK's daemon timer, doubling to 30 s. */
    private void reconnectAfter(long delaySeconds) {
        CompletableFuture.delayedExecutor(delaySeconds, TimeUnit.SECONDS).execute(() -> {
            if (state != ConnectionState.RECONNECTING) {
                return;
            }
            call(listener -> client.connect(options, null, listener)).whenComplete((ok, error) -> {
                if (state == ConnectionState.CLOSED) {
                    return;
                }
                if (error == null) {
                    lastError = null;
                    state = ConnectionState.CONNECTED;
                    subscriptions.forEach((filter, qos) -> call(l -> client.subscribe(filter, qos, null, l))
                            .exceptionally(e -> {
                                LOG.log(System.Logger.Level.WARNING, "Resubscribing to {0} failed: {1}",
                                        filter, describe(e));
                                return null;
                            }));
                } else {
                    lastError = describe(error);
                    lastFailure = ConnectionFailures.atConnect(error, settings.credentials().isPresent());
                    reconnectAfter(Math.min(delaySeconds * 2, MAX_RECONNECT_DELAY_S));
                }
            });
        });
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

    static String describe(Throwable error) {
        Throwable cause = error.getCause() != null && error.getMessage() == null ? error.getCause() : error;
        if (cause instanceof MqttException mqtt && mqtt.getCause() != null) {
            return mqtt.getMessage() + " (" + mqtt.getCause().getMessage() + ")";
        }
        return String.valueOf(cause.getMessage());
    }

    @FunctionalInterface
    private interface PahoCall {
        void start(IMqttActionListener listener) throws MqttException;
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // 3.1.1 has no message properties; copy and hand over, nothing more on this thread.
            sink.accept(Message.received(topic, message.getPayload(), message.getQos(), message.isRetained()));
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            state = ConnectionState.CONNECTED;
            lastError = null;
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            lastError = cause != null ? describe(cause) : "connection lost";
            lastFailure = cause != null ? ConnectionFailures.classify(cause)
                    : new ConnectionFailure(FailureKind.DROPPED, Optional.empty(), lastError);
            if (settings.automaticReconnect()) {
                state = ConnectionState.RECONNECTING;
                reconnectAfter(1);
            } else {
                state = ConnectionState.DISCONNECTED;
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Publish results arrive through each publish's own future.
        }
    }
}
