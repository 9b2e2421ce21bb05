package org.brokerscope.mqtt;

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

    /** Whether {@link #subscribe(Subscription)} sends no-local, retain-as-published and retain handling. */
    default boolean supportsSubscriptionOptions() {
        return false;
    }

    /** Ends a subscription and stops making it again after a reconnect. */
    default CompletableFuture<Void> unsubscribe(String topicFilter) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("unsubscribe"));
    }

    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);

    ConnectionState state();

    /** Why the last connect failed or the connection was lost, in the library's words. */
    Optional<String> lastError();

    String serverUri();

    /** The last failure, classified for the UI; empty while nothing has failed since the last connect. */
    Optional<ConnectionFailure> lastFailure();

    /** What the broker granted on the last successful connect; empty before that. */
    Optional<NegotiatedSession> negotiated();

    /** Disconnects if needed and releases every thread and socket. Safe to call twice. */
    @Override
    void close();
}
