package org.brokerscope.mqtt;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A {@link BrokerConnection} over the Eclipse Paho MQTT 5 client. */
public final class PahoV5Connection implements BrokerConnection {
    private static final System.Logger LOG = System.getLogger(PahoV5Connection.class.getName());
    private static final long DISCONNECT_TIMEOUT_MS = 2_000;
    private static final long MAX_RECONNECT_DELAY_S = 30;

    private final ConnectionSettings settings;
    private final MessageSink sink;
    private final MqttAsyncClient client;
    // Filter -> QoS, replayed after every automatic reconnect because Paho does not resubscribe (#493).
    private final Map<String, Integer> subscriptions = new ConcurrentHashMap<>();
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile String lastError;
    private volatile ConnectionFailure lastFailure;
    private volatile MqttConnectionOptions options;
    private volatile NegotiatedSession negotiated;

    /**
     * @param sink receives every message on Paho's callback thread; pass {@code message -> {}} for a
     *             connection that only publishes
     */
    public PahoV5Connection(ConnectionSettings settings, MessageSink sink) {
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
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(settings.sessionExpirySeconds() == 0);
        if (settings.sessionExpirySeconds() > 0) {
            options.setSessionExpiryInterval(settings.sessionExpirySeconds());
        }
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        settings.credentials().ifPresent(c -> {
            options.setUserName(c.username());
            // Paho v5 wants bytes; the copy lives as long as the options, which the reconnect loop needs.
            options.setPassword(new String(c.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        settings.will().ifPresent(w -> {
            MqttMessage will = new MqttMessage(w.payload());
            will.setQos(w.qos());
            will.setRetained(w.retained());
            options.setWill(w.topic(), will);
        });
        // We reconnect ourselves (reconnectAfter): Paho's automatic reconnect starts a non-daemon Timer
        // that close() cannot stop, which keeps the JVM alive (Paho #654).
        options.setAutomaticReconnect(false);
        this.options = options;
        state = ConnectionState.CONNECTING;
        return call(listener -> client.connect(options, null, listener), this::recordConnack)
                .whenComplete((ok, error) -> {
                    if (state == ConnectionState.CLOSED) {
                        return;
                    }
                    if (error != null) {
                        lastError = describe(error);
                        lastFailure = ConnectionFailures.atConnect(error, settings.credentials().isPresent());
                        state = ConnectionState.FAILED;
                    } else {
                        // Paho completes the connect token before it calls connectComplete(): without this, a
                        // caller chaining on connect() could still read CONNECTING.
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
    public CompletableFuture<Void> subscribe(Subscription subscription) {
        subscriptions.put(subscription.filter(), subscription.qos());
        MqttSubscription sub = new MqttSubscription(subscription.filter(), subscription.qos());
        sub.setNoLocal(subscription.noLocal());
        sub.setRetainAsPublished(subscription.retainAsPublished());
        sub.setRetainHandling(subscription.retainHandling());
        return call(listener -> client.subscribe(new MqttSubscription[] {sub}, null, listener, new MqttProperties()));
    }

    @Override
    public boolean supportsSubscriptionOptions() {
        return true;
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
        return state == ConnectionState.CONNECTED ? Optional.ofNullable(negotiated) : Optional.empty();
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
            // Forcing closes the socket even when the broker no longer answers.
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

    /**
     * One reconnect attempt after {@code delaySeconds}, then again with the delay doubled up to 30 s. The
     * JDK's shared daemon timer runs it, so close() has no thread to stop: the attempt sees CLOSED and
     * ends the loop. Subscriptions are made again on success: after a clean start the broker kept none,
     * and with a kept session repeating them is harmless.
     */
    private void reconnectAfter(long delaySeconds) {
        CompletableFuture.delayedExecutor(delaySeconds, TimeUnit.SECONDS).execute(() -> {
            if (state != ConnectionState.RECONNECTING) {
                return;
            }
            call(listener -> client.connect(options, null, listener), this::recordConnack).whenComplete((ok, error) -> {
                if (state == ConnectionState.CLOSED) {
                    return;
                }
                if (error == null) {
                    lastError = null;
                    state = ConnectionState.CONNECTED;
                    subscriptions.forEach((filter, qos) -> call(l -> client.subscribe(filter, qos, null, l))
                            .exceptionally(logFailure("Resubscribing to " + filter)));
                } else {
                    lastError = describe(error);
                    lastFailure = ConnectionFailures.atConnect(error, settings.credentials().isPresent());
                    reconnectAfter(Math.min(delaySeconds * 2, MAX_RECONNECT_DELAY_S));
                }
            });
        });
    }

    private void recordConnack(IMqttToken token) {
        MqttProperties p = token.getResponseProperties();
        negotiated = p == null ? new NegotiatedSession("5.0", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty())
                : new NegotiatedSession("5.0", Optional.ofNullable(p.getMaximumQoS()),
                        Optional.ofNullable(p.isRetainAvailable()), Optional.ofNullable(p.getMaximumPacketSize()),
                        Optional.ofNullable(p.getTopicAliasMaximum()), Optional.ofNullable(p.getServerKeepAlive()),
                        Optional.ofNullable(p.getAssignedClientIdentifier()));
    }

    private CompletableFuture<Void> call(PahoCall action) {
        return call(action, token -> { });
    }

    private CompletableFuture<Void> call(PahoCall action, java.util.function.Consumer<IMqttToken> onSuccess) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            action.start(new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    onSuccess.accept(token);
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
        void start(MqttActionListener listener) throws MqttException;
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            sink.accept(PahoV5Messages.toMessage(topic, message));
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
        public void disconnected(MqttDisconnectResponse response) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            lastError = response.getReasonString() != null ? response.getReasonString()
                    : response.getException() != null ? describe(response.getException()) : "connection lost";
            lastFailure = response.getException() != null ? ConnectionFailures.classify(response.getException())
                    : ConnectionFailures.ofV5Reason(response.getReturnCode(), String.valueOf(lastError));
            if (settings.automaticReconnect()) {
                state = ConnectionState.RECONNECTING;
                reconnectAfter(1);
            } else {
                state = ConnectionState.DISCONNECTED;
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            lastError = describe(exception);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Publish results arrive through each publish's own future.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // Enhanced authentication is not offered.
        }
    }

    private static <T> Function<Throwable, T> logFailure(String what) {
        return error -> {
            LOG.log(System.Logger.Level.WARNING, "{0} failed: {1}", what, describe(error));
            return null;
        };
    }
}
