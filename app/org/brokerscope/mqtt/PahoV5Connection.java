package org.brokerscope.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
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
    private final ConnectionSettings settings;
    private final MessageSink sink;
    private final PahoV5PingSender pingSender;
    private final MqttAsyncClient client;
    private final ConnectionLifecycle lifecycle;
    private volatile MqttConnectionOptions options;
    private volatile NegotiatedSession negotiated;

    /**
     * @param sink receives every message on Paho's callback thread; pass {@code message -> {}} for a
     *             connection that only publishes
     */
    public PahoV5Connection(ConnectionSettings settings, MessageSink sink) {
        this(settings, sink, Backoff.standard(), null);
    }

    /**
     * @param clientThreads runs Paho's network and callback work, shared by many connections (see
     *                      {@link SharedClientExecutor}); {@code null} for Paho's own threads, four per client
     */
    public PahoV5Connection(ConnectionSettings settings, MessageSink sink,
                            java.util.concurrent.ScheduledExecutorService clientThreads) {
        this(settings, sink, Backoff.standard(), clientThreads);
    }

    PahoV5Connection(ConnectionSettings settings, MessageSink sink, Backoff backoff) {
        this(settings, sink, backoff, null);
    }

    private PahoV5Connection(ConnectionSettings settings, MessageSink sink, Backoff backoff,
                             java.util.concurrent.ScheduledExecutorService clientThreads) {
        this.settings = settings;
        this.sink = sink;
        this.pingSender = new PahoV5PingSender(settings.keepAliveSeconds());
        try {
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

    private MqttConnectionOptions options() throws TlsSetupException {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(settings.sessionExpirySeconds() == 0);
        if (settings.sessionExpirySeconds() > 0) {
            o.setSessionExpiryInterval(settings.sessionExpirySeconds());
        }
        o.setKeepAliveInterval(settings.keepAliveSeconds());
        settings.credentials().ifPresent(c -> {
            o.setUserName(c.username());
            // Paho v5 wants bytes; the copy lives as long as the options, which the reconnect loop needs.
            o.setPassword(new String(c.password()).getBytes(StandardCharsets.UTF_8));
        });
        settings.will().ifPresent(w -> {
            MqttMessage will = new MqttMessage(w.payload());
            will.setQos(w.qos());
            will.setRetained(w.retained());
            o.setWill(w.topic(), will);
        });
        // ConnectionLifecycle reconnects: Paho's automatic reconnect starts a non-daemon Timer that close()
        // cannot stop, which keeps the JVM alive (Paho #654).
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
    public CompletableFuture<Void> subscribe(Subscription subscription) {
        MqttSubscription sub = new MqttSubscription(subscription.filter(), subscription.qos());
        sub.setNoLocal(subscription.noLocal());
        sub.setRetainAsPublished(subscription.retainAsPublished());
        sub.setRetainHandling(subscription.retainHandling());
        // Through the lifecycle, so a reconnect makes it again with the same options, not just the QoS.
        return lifecycle.subscribe(subscription,
                () -> call(listener -> client.subscribe(new MqttSubscription[] {sub}, null, listener, new MqttProperties())));
    }

    @Override
    public boolean supportsSubscriptionOptions() {
        return true;
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
    public CompletableFuture<PublishOutcome> send(PublishRequest request) {
        return PahoV5Publish.send(client, request);
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
        return state() == ConnectionState.CONNECTED ? Optional.ofNullable(negotiated) : Optional.empty();
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

    private void recordConnack(IMqttToken token) {
        MqttProperties p = token.getResponseProperties();
        negotiated = p == null ? new NegotiatedSession("5.0", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty())
                : new NegotiatedSession("5.0", Optional.ofNullable(p.getMaximumQoS()),
                        Optional.ofNullable(p.isRetainAvailable()), Optional.ofNullable(p.getMaximumPacketSize()),
                        Optional.ofNullable(p.getTopicAliasMaximum()), Optional.ofNullable(p.getServerKeepAlive()),
                        Optional.ofNullable(p.getAssignedClientIdentifier()));
    }

    private static CompletableFuture<Void> call(PahoV5Calls.PahoCall action) {
        return PahoV5Calls.call(action, token -> null);
    }

    private static CompletableFuture<Void> call(PahoV5Calls.PahoCall action, Consumer<IMqttToken> onSuccess) {
        return PahoV5Calls.call(action, token -> {
            onSuccess.accept(token);
            return null;
        });
    }

    private final class Client implements ConnectionLifecycle.Client {
        @Override
        public CompletableFuture<Void> connectOnce() {
            return call(listener -> client.connect(options, null, listener), PahoV5Connection.this::recordConnack);
        }

        @Override
        public boolean isConnected() {
            return client.isConnected();
        }

        @Override
        public void disconnect(long timeoutMs) throws MqttException {
            // Paho v5 held its DISCONNECT back for the whole quiesce timeout in about one close in three at a
            // 1 s keep-alive, stopping its pings first or not, and the broker then sent the Last Will of a client
            // closed on purpose (CleanCloseTest). Without the quiesce, a publish still waiting for its
            // acknowledgement fails with a reason instead of completing: the broker has it already.
            pingSender.stop();
            client.disconnect(0).waitForCompletion(timeoutMs);
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

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            sink.accept(PahoV5Messages.toMessage(topic, message));
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            lifecycle.connectComplete();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            String error = response.getReasonString() != null ? response.getReasonString()
                    : response.getException() != null ? ConnectionFailures.describe(response.getException())
                    : "connection lost";
            // A broker DISCONNECT (e.g. 0x8E, our client ID taken) carries its code; a dropped socket an exception.
            ConnectionFailure failure = response.getReturnCode() != 0 || response.getException() == null
                    ? ConnectionFailures.ofV5Reason(response.getReturnCode(), error)
                    : ConnectionFailures.classify(response.getException());
            lifecycle.lost(failure, error);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            // Reported through the token or disconnected() that follows.
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
}
