package org.brokerscope.ingest;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.Subscription;

/**
 * Sends the {@link LagProbe} through the monitor connection while the app is busy, and skips the broker's
 * backlog once the app is more than {@link Limits#skipAfter()} behind.
 *
 * <p>Why skip: a live monitor that shows what happened minutes ago misleads, and after a flood the broker
 * may hold more than the app can take for minutes. Skipping means a new clean session, which the broker
 * starts without the old one's queue; never for a session the user asked the broker to keep. What was
 * skipped is estimated (the rate the app took times the lag: a lower bound) and counted in the stats.
 *
 * <p>A new session gets its retained messages again, which may themselves take longer than the limit on a
 * large broker. So each connection first settles ({@link Limits#settle()}), and each skip not followed by
 * catching up doubles that wait: a sustained flood is skipped at widening intervals, and a huge retained set
 * is not fetched again and again.
 *
 * <p>Probes go out once a second while messages arrive faster than {@link #BUSY_PER_SECOND} or the app is
 * behind, and otherwise only now and then: a classroom broker full of Brokerscopes stays quiet.
 */
public final class LagWatch implements AutoCloseable {
    private static final long BUSY_PER_SECOND = 100;
    private static final long QUIET_PROBE_EVERY_TICKS = 10;
    private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int RATE_TICKS = 5;
    private static final System.Logger LOG = System.getLogger(LagWatch.class.getName());

    /**
     * @param skipAfter how far behind the app may fall before it skips the broker's backlog
     * @param caughtUp  a lag under this is live again
     * @param settle    how long a new connection is left to take its retained messages before a skip
     */
    public record Limits(Duration skipAfter, Duration caughtUp, Duration settle) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(20));
    }

    /** What the watch may do about a backlog in the broker. */
    public interface Backlog {
        /** Whether the monitor's session is a clean one, which a reconnect empties. */
        boolean skippable();

        /** Reconnects the monitor with a new clean session, leaving what the broker queued behind. */
        void skip();
    }

    private final LagProbe probe;
    private final IngestPipeline pipeline;
    private final Supplier<Optional<BrokerConnection>> monitor;
    private final Backlog backlog;
    private final Limits limits;
    private final long[] receivedAt = new long[RATE_TICKS];
    private ScheduledExecutorService timer;
    // Only the timer thread touches these.
    private BrokerConnection watched;
    // When the current wait before a skip began: a new connection, or the last skip.
    private long settlingSince;
    private long ticks;
    private long lastProbeTick = Long.MIN_VALUE / 2;
    private long settleNanos;

    /** The clock is {@link System#nanoTime()}, as the pipeline times a probe's return with it. */
    public LagWatch(LagProbe probe, IngestPipeline pipeline, Supplier<Optional<BrokerConnection>> monitor,
                    Backlog backlog, Limits limits) {
        this.probe = probe;
        this.pipeline = pipeline;
        this.monitor = monitor;
        this.backlog = backlog;
        this.limits = limits;
        this.settleNanos = limits.settle().toNanos();
    }

    /** Runs the watch once a second on a thread of its own until {@link #close()}. */
    public LagWatch start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("brokerscope-lag")
                .daemon(true).unstarted(r));
        timer.scheduleWithFixedDelay(this::tickSafely, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Measuring the lag failed: {0}", e.toString());
        }
    }

    /** One step: notice a new connection, send a probe if it is time, skip the backlog if it is due. */
    void tick() {
        long now = System.nanoTime();
        long received = pipeline.stats().received();
        long receivedBefore = receivedAt[(int) (ticks % RATE_TICKS)];
        long lastTick = receivedAt[(int) ((ticks + RATE_TICKS - 1) % RATE_TICKS)];
        receivedAt[(int) (ticks % RATE_TICKS)] = received;
        ticks++;
        BrokerConnection connection = monitor.get().filter(c -> c.state() == ConnectionState.CONNECTED).orElse(null);
        if (connection == null) {
            watched = null; // probes in flight when it went are lost: start afresh once it is back
            return;
        }
        if (connection != watched) {
            watched = connection;
            settlingSince = now;
            probe.reset();
            connection.subscribe(Subscription.of(probe.topic(), 0));
            send(connection, now);
            return;
        }
        long lag = probe.lagNanos(now);
        boolean busy = received - lastTick >= BUSY_PER_SECOND || lag >= TICK_NANOS;
        if (busy || ticks - lastProbeTick >= QUIET_PROBE_EVERY_TICKS) {
            send(connection, now);
        }
        if (lag >= 0 && lag < limits.caughtUp().toNanos()) {
            settleNanos = limits.settle().toNanos();
        } else if (lag > limits.skipAfter().toNanos() && now - settlingSince > settleNanos && backlog.skippable()) {
            settleNanos = Math.max(2 * settleNanos, limits.skipAfter().toNanos());
            settlingSince = now;
            // The count can step back by the probes that were waiting in the queue; never a negative estimate.
            double perSecond = Math.max(0, received - receivedBefore) / (double) Math.min(ticks, RATE_TICKS);
            long estimate = Math.round(perSecond * lag / 1e9);
            pipeline.countSkipped(estimate);
            LOG.log(System.Logger.Level.WARNING, "{0} ms behind the broker: skipping its backlog of about {1} messages",
                    lag / 1_000_000, estimate);
            backlog.skip();
            probe.reset(); // what was sent on the old session is skipped with the rest
        }
    }

    private void send(BrokerConnection connection, long now) {
        lastProbeTick = ticks;
        byte[] payload = probe.next(now);
        connection.publish(probe.topic(), payload, 0, false).exceptionally(e -> {
            probe.notSent(payload); // refused or disconnected: waiting for it would show a lag that is not there
            return null;
        });
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
