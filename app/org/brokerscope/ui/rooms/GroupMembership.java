package org.brokerscope.ui.rooms;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.brokerscope.domain.rooms.AlertRules;
import org.brokerscope.domain.rooms.TopicMapper;
import org.brokerscope.ingest.rooms.GroupAggregator;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;

/**
 * Runs this app's {@link GroupAggregator} while the settings ask for "Publish aggregates" as a group member,
 * on the broker the monitor watches. Started, restarted (period or rules changed) and stopped on the rooms
 * scheduler, never on the FX thread: connecting and disconnecting block.
 */
final class GroupMembership implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GroupMembership.class.getName());
    private final ScheduledExecutorService scheduler;
    private final Supplier<Optional<BrokerConnection>> monitor;
    private final String clientId = "brokerscope-agg-" + UUID.randomUUID().toString().substring(0, 8);
    private GroupAggregator member;
    private String runningFor = "";
    private volatile String error = "";
    private volatile GroupAggregator current;

    GroupMembership(ScheduledExecutorService scheduler, Supplier<Optional<BrokerConnection>> monitor) {
        this.scheduler = scheduler;
        this.monitor = monitor;
    }

    /** Follows the settings: joins, rejoins with the new options, or leaves the group. */
    void apply(RoomsSettings s, TopicMapper mapper, AlertRules rules) {
        scheduler.execute(() -> {
            boolean wanted = s.publishAggregates() && s.aggregateAsGroup();
            Optional<String> uri = monitor.get().map(BrokerConnection::serverUri);
            String key = wanted && uri.isPresent() ? uri.get() + "|" + s.aggregatePeriodSeconds() + "|" + s.mappingRules() + "|" + s.alertRules() : "";
            if (key.equals(runningFor)) {
                return;
            }
            leave();
            runningFor = key;
            if (wanted && uri.isEmpty()) {
                error = "not connected";
            } else if (wanted) {
                join(uri.get(), s, mapper, rules);
            }
        });
    }

    private void join(String uri, RoomsSettings s, TopicMapper mapper, AlertRules rules) {
        member = new GroupAggregator(ConnectionSettings.of(uri, clientId), "#", mapper, rules,
                Duration.ofSeconds(s.aggregatePeriodSeconds()), scheduler, Clock.systemUTC());
        current = member;
        error = "";
        member.start().whenComplete((ok, e) -> {
            if (e != null) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                error = String.valueOf(cause.getMessage());
                LOG.log(System.Logger.Level.WARNING, "Joining the aggregator group failed: {0}", error);
            }
        });
    }

    private void leave() {
        current = null;
        error = "";
        if (member != null) {
            member.close();
            member = null;
        }
    }

    /** Readings aggregated here while a member; empty while not in the group. */
    Optional<Long> received() {
        GroupAggregator m = current;
        return m == null ? Optional.empty() : Optional.of(m.received());
    }

    /** Why joining failed; "" when it did not. */
    String error() {
        return error;
    }

    @Override
    public void close() {
        scheduler.execute(this::leave);
    }
}
