package org.brokerscope.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.brokerscope.domain.Message;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionFailure;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.NegotiatedSession;
import org.brokerscope.sim.SensorConnector;

/**
 * The sensor side's own account of every reading it published: each publish through a connection this
 * connector opened is recorded with how its future ended (PUBACK, or the failure and its reason). The app
 * side records what reached its model; the two together say whether anything went missing silently.
 * Status messages ("online"/"offline", the same payload each time) are not readings and are left out.
 */
final class PublishLedger {
    static final String ACKED = "acknowledged";
    private static final String PENDING = "pending";

    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Integer> delivered = new ConcurrentHashMap<>();

    SensorConnector wrap(SensorConnector real) {
        return (settings, threads) -> new Recording(real.open(settings, threads));
    }

    /** Called by the app's ingest thread for every message its model took. */
    void delivered(Message m) {
        delivered.merge(key(m.topic(), m.payload()), 1, Integer::sum);
    }

    Set<String> publishedKeys() {
        return Set.copyOf(outcomes.keySet());
    }

    boolean anyDeliveredOutside(Set<String> before) {
        return delivered.keySet().stream().anyMatch(k -> outcomes.containsKey(k) && !before.contains(k));
    }

    long published() {
        return outcomes.size();
    }

    long pending() {
        return outcomes.values().stream().filter(PENDING::equals).count();
    }

    /** Acknowledged by the broker to the sensor, yet never in the app's model: lost silently. */
    long ackedNotDelivered() {
        return outcomes.entrySet().stream().filter(e -> e.getValue().equals(ACKED) && !delivered.containsKey(e.getKey())).count();
    }

    long deliveredReadings() {
        return outcomes.keySet().stream().filter(delivered::containsKey).count();
    }

    long failedButDelivered() {
        return outcomes.entrySet().stream().filter(e -> !e.getValue().equals(ACKED) && !e.getValue().equals(PENDING)
                && delivered.containsKey(e.getKey())).count();
    }

    long duplicates() {
        return delivered.entrySet().stream().filter(e -> outcomes.containsKey(e.getKey()))
                .mapToLong(e -> e.getValue() - 1).sum();
    }

    /** Outcome -> count, e.g. {acknowledged=51234, failed: Connection lost (32109)=12}. */
    Map<String, Long> byOutcome() {
        return new TreeMap<>(outcomes.values().stream().collect(Collectors.groupingBy(v -> v, Collectors.counting())));
    }

    private static String key(String topic, byte[] payload) {
        return topic + '\u0000' + new String(payload, StandardCharsets.UTF_8);
    }

    private final class Recording implements BrokerConnection {
        private final BrokerConnection real;

        Recording(BrokerConnection real) {
            this.real = real;
        }

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
            if (topic.endsWith("/status")) {
                return real.publish(topic, payload, qos, retained);
            }
            String key = key(topic, payload);
            outcomes.put(key, PENDING); // before publishing: the answer may come before publish() returns
            CompletableFuture<Void> sent = real.publish(topic, payload, qos, retained);
            {
                sent.whenComplete((ok, e) -> outcomes.put(key, e == null ? ACKED : "failed: " + reason(e)));
            }
            return sent;
        }

        private static String reason(Throwable e) {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }

        @Override
        public CompletableFuture<Void> connect() {
            return real.connect();
        }

        @Override
        public CompletableFuture<Void> subscribe(String topicFilter, int qos) {
            return real.subscribe(topicFilter, qos);
        }

        @Override
        public ConnectionState state() {
            return real.state();
        }

        @Override
        public Optional<String> lastError() {
            return real.lastError();
        }

        @Override
        public String serverUri() {
            return real.serverUri();
        }

        @Override
        public Optional<ConnectionFailure> lastFailure() {
            return real.lastFailure();
        }

        @Override
        public Optional<NegotiatedSession> negotiated() {
            return real.negotiated();
        }

        @Override
        public Optional<Instant> nextReconnectAttempt() {
            return real.nextReconnectAttempt();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
