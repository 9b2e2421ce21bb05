package org.brokerscope.ingest.rooms;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.rooms.AlertEvent;
import org.brokerscope.domain.rooms.AlertRules;
import org.brokerscope.domain.rooms.Aggregates;
import org.brokerscope.domain.rooms.RoomSnapshots;
import org.brokerscope.domain.rooms.RoomsModel;
import org.brokerscope.domain.rooms.TopicMapper;
import org.brokerscope.mqtt.BrokerConnection;

/**
 * Runs the rooms model: fed on the ingest thread with every message, and refreshed a few times a second
 * on a scheduler, which fires stale alerts, publishes an immutable snapshot for the UI to read each frame,
 * and republishes aggregates and alerts to the broker when asked.
 *
 * <p>One plain monitor guards the model. The ingest thread holds it for one message at a time, the
 * scheduler for one snapshot a refresh (well under a millisecond for a house), so the hot path almost
 * never waits; the UI never takes it and reads the volatile snapshot.
 */
public final class RoomsFeed implements Consumer<Message>, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RoomsFeed.class.getName());
    static final long REFRESH_MILLIS = 250;

    /**
     * What the feed publishes to the broker.
     *
     * @param alertTopic where alerts go as JSON; "" publishes none
     */
    public record Publishing(boolean aggregates, Duration period, String alertTopic) {
        public static Publishing off() {
            return new Publishing(false, Duration.ofSeconds(10), "");
        }

        public Publishing {
            if (period.toMillis() < 500) {
                throw new IllegalArgumentException("the aggregate period must be at least 0.5 s, was " + period);
            }
            alertTopic = alertTopic == null ? "" : alertTopic.strip();
        }
    }

    /** What was published to the broker so far, and the last failure, for the view to show. */
    public record PublishStats(long published, long failed, Optional<String> lastError) {
    }

    private final Object lock = new Object();
    private final RoomsModel model;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Supplier<Optional<BrokerConnection>> connection;
    private final LongAdder published = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile String lastError;
    private volatile RoomSnapshots.Rooms snapshot = RoomSnapshots.Rooms.EMPTY;
    private volatile Publishing publishing = Publishing.off();
    private ScheduledFuture<?> task;
    private long nextAggregateMillis;
    private long lastAlertSeq;

    public RoomsFeed(RoomsModel model, ScheduledExecutorService scheduler, Clock clock,
                     Supplier<Optional<BrokerConnection>> connection) {
        this.model = model;
        this.scheduler = scheduler;
        this.clock = clock;
        this.connection = connection;
    }

    public RoomsFeed start() {
        task = scheduler.scheduleWithFixedDelay(this::refresh, 0, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** On the ingest thread, for every message. */
    @Override
    public void accept(Message message) {
        synchronized (lock) {
            model.apply(message);
        }
    }

    /** On the ingest thread, when the monitor moved to another broker: its rooms are not the old ones. */
    public void brokerSwitched() {
        synchronized (lock) {
            model.forgetReadings();
        }
    }

    /** The latest immutable picture of the rooms; cheap, lock-free, for the FX thread. */
    public RoomSnapshots.Rooms snapshot() {
        return snapshot;
    }

    public void configure(TopicMapper mapper, AlertRules rules) {
        synchronized (lock) {
            model.configure(mapper, rules);
        }
    }

    public void setPublishing(Publishing newPublishing) {
        synchronized (lock) {
            model.ignoreTopicsUnder(newPublishing.alertTopic());
        }
        if (newPublishing.aggregates() && !publishing.aggregates()) {
            nextAggregateMillis = 0; // publish at the next refresh, not a period later
        }
        publishing = newPublishing;
    }

    public Publishing publishing() {
        return publishing;
    }

    public PublishStats publishStats() {
        return new PublishStats(published.sum(), failed.sum(), Optional.ofNullable(lastError));
    }

    /** Refreshes now, on the caller's thread: for tests and for a view that must not wait a refresh. */
    public void refresh() {
        try {
            long now = clock.millis();
            RoomSnapshots.Rooms s;
            synchronized (lock) {
                model.tick(now);
                s = model.snapshot(now);
            }
            snapshot = s;
            publishAlerts(s.alerts());
            Publishing p = publishing;
            if (p.aggregates() && now >= nextAggregateMillis) {
                nextAggregateMillis = now + p.period().toMillis();
                Aggregates.of(s).forEach(a -> publish(a.topic(), a.payload(), 0));
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep refreshing.
            LOG.log(System.Logger.Level.ERROR, "Rooms refresh failed", e);
        }
    }

    private void publishAlerts(List<AlertEvent> alerts) {
        String topic = publishing.alertTopic();
        for (AlertEvent e : alerts) {
            if (e.seq() > lastAlertSeq) {
                lastAlertSeq = e.seq();
                if (!topic.isEmpty()) {
                    publish(topic, e.toJson(), 1);
                }
            }
        }
    }

    private void publish(String topic, String payload, int qos) {
        Optional<BrokerConnection> c = connection.get();
        if (c.isEmpty()) {
            failed.increment();
            lastError = "not connected";
            return;
        }
        try {
            c.get().publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false).whenComplete((ok, error) -> {
                if (error == null) {
                    published.increment();
                } else {
                    failed(error);
                }
            });
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(Throwable error) {
        failed.increment();
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        lastError = String.valueOf(cause.getMessage());
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
