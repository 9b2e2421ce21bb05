package org.brokerscope.mqtt;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One client connection to a broker. Nothing above the {@code mqtt} package knows which MQTT
 * library or protocol version sits behind it.
 *
 * <p>Subscriptions are remembered and made again after every automatic reconnect, because the
 * client library does not do it (Paho #493).
 */
public interface BrokerConnection extends AutoCloseable {

    CompletableFuture<Void> connect();

    CompletableFuture<Void> subscribe(String topicFilter, int qos);

    /**
     * Subscribes with MQTT 5 options. The default ignores the options (a 3.1.1 connection has none);
     * check {@link #supportsSubscriptionOptions()} to tell the user.
     */
    default CompletableFuture<Void> subscribe(Subscription subscription) {
        return subscribe(subscription.filter(), subscription.qos());
    }

    /**
     * The subscriptions made on this connection and not ended, in the order made, as asked (a 3.1.1
     * connection lists the options it ignores). The default, for connections that remember none, is empty.
     */
    default java.util.List<Subscription> subscriptions() {
        return java.util.List.of();
    }

    /** Whether {@link #subscribe(Subscription)} sends no-local, retain-as-published and retain handling. */
    default boolean supportsSubscriptionOptions() {
        return false;
    }

    /** Ends a subscription and stops making it again after a reconnect. */
    default CompletableFuture<Void> unsubscribe(String topicFilter) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("unsubscribe"));
    }

    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);

    /**
     * Publishes with MQTT 5 properties and reports the broker's answer. This default serves 3.1.1, which
     * has no properties and no reason codes; MQTT 5 connections override it. Checks against the broker's
     * limits (packet size, QoS) are {@link Publisher}'s job.
     */
    default CompletableFuture<PublishOutcome> send(PublishRequest request) {
        if (request.hasProperties()) {
            return CompletableFuture.completedFuture(PublishOutcome.refused(PublishOutcome.Kind.PROPERTIES_NEED_MQTT5));
        }
        return publish(request.topic(), request.payload(), request.qos(), request.retained())
                .thenApply(ok -> request.qos() == 0 ? PublishOutcome.sent()
                        : PublishOutcome.acknowledged(java.util.OptionalInt.empty(), java.util.Optional.empty()));
    }

    ConnectionState state();

    /** Why the last connect failed or the connection was lost, in the library's words. */
    Optional<String> lastError();

    String serverUri();

    /** The last failure, classified for the UI; empty while nothing has failed since the last connect. */
    Optional<ConnectionFailure> lastFailure();

    /** What the broker granted on the last successful connect; empty before that. */
    Optional<NegotiatedSession> negotiated();

    /**
     * When the next automatic reconnect attempt starts, for a countdown; empty unless waiting to reconnect.
     * Default for connections without a reconnect loop of their own (e.g. wrappers that delegate).
     */
    default Optional<Instant> nextReconnectAttempt() {
        return Optional.empty();
    }

    /**
     * Tries to reconnect at once instead of waiting for the countdown. From FAILED (refused, client ID
     * taken over) it is the user's explicit "try again". Ignored while connected or already connecting.
     */
    default void reconnectNow() {
    }

    /** Disconnects if needed and releases every thread and socket. Safe to call twice. */
    @Override
    void close();
}
