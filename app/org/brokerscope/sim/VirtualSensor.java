package org.brokerscope.sim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.LastWill;

/**
 * One simulated device with its own MQTT connection and client ID, so that on the broker it looks like a
 * real one: it says {@code online} (retained) on its status topic when it connects, its Last Will says
 * {@code offline} if the connection dies, and it says {@code offline} itself when stopped. Readings come
 * from its signal model at simulated time, through its fault injector.
 */
public final class VirtualSensor {
    static final byte[] ONLINE = "online".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.US_ASCII);
    private static final long OFFLINE_TIMEOUT_S = 5;
    private static final long CONNECT_RETRY_S = 5;

    private final SensorSpec spec;
    private final SimClock clock;
    private final SignalModel model;
    private final FaultInjector faults;
    private final LongAdder published = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile SensorState state = SensorState.STOPPED;
    private volatile String lastValue;
    private volatile String error;
    private BrokerConnection connection;
    private ScheduledFuture<?> task;
    private boolean announced;
    private boolean wanted;
    private double lastEvent = Double.NaN;

    public VirtualSensor(SensorSpec spec, SimClock clock) {
        this.spec = spec;
        this.clock = clock;
        this.model = SignalModels.forSpec(spec);
        this.faults = new FaultInjector(spec.faults(), spec.measure(), spec.seed());
    }

    public SensorSpec spec() {
        return spec;
    }

    /** Every virtual sensor's client ID starts so, which lets the graph draw them as sensors. */
    public static final String CLIENT_ID_PREFIX = "bs-";

    /** The client ID: stable, so a restarted sensor takes its old place on the broker. */
    public String clientId() {
        return CLIENT_ID_PREFIX + spec.site() + "-" + spec.id();
    }

    public SensorStatus status() {
        SensorState shown = state == SensorState.RUNNING && clock.isPaused() ? SensorState.PAUSED : state;
        return new SensorStatus(spec.id(), spec.room(), spec.measure(), spec.topic(), shown, Optional.ofNullable(lastValue),
                published.sum(), failed.sum(), dropped.sum(), Optional.ofNullable(error), spec.broker());
    }

    /** Whether it was started and not stopped since (it may be connecting, reconnecting or retrying). */
    public synchronized boolean isStarted() {
        return wanted;
    }

    public long publishedCount() {
        return published.sum();
    }

    /**
     * Opens the connection with its Last Will, then reads and publishes every interval on {@code scheduler}.
     * Does nothing if already started. If the broker cannot be reached, it tries again every few seconds
     * until stopped (Paho does not retry a first connect, #930). The future completes once the first
     * attempt connected or failed.
     */
    synchronized CompletableFuture<Void> start(ConnectionSettings broker, SensorConnector connector,
                                               ScheduledExecutorService clientThreads, ScheduledExecutorService scheduler) {
        if (connection != null) {
            return CompletableFuture.completedFuture(null);
        }
        wanted = true;
        BrokerConnection opened = connector.open(ownSettings(broker, true), clientThreads);
        connection = opened;
        state = SensorState.CONNECTING;
        Runnable retry = () -> retry(() -> start(broker, connector, clientThreads, scheduler));
        return opened.connect().whenComplete((ok, failure) -> onConnected(opened, failure, scheduler, retry));
    }

    /**
     * The broker's address, protocol, login and TLS with this sensor's client ID, a clean session, and, if
     * {@code withWill}, its Last Will instead of whatever will the profile had.
     */
    private ConnectionSettings ownSettings(ConnectionSettings broker, boolean withWill) {
        ConnectionSettings own = new ConnectionSettings(broker.serverUri(), clientId(), broker.keepAliveSeconds(), true,
                0, broker.protocol(), broker.credentials(), Optional.empty(), broker.tls());
        return withWill ? own.withWill(new LastWill(spec.statusTopic(), OFFLINE, 1, true)) : own;
    }

    /** Started, but its broker profile is unknown to the fleet: it waits, saying why, until started again. */
    synchronized void waitForBroker(String reason) {
        if (connection == null) {
            wanted = true;
            state = SensorState.NO_BROKER;
            error = reason;
        }
    }

    private synchronized void onConnected(BrokerConnection opened, Throwable failure, ScheduledExecutorService scheduler,
                                          Runnable retry) {
        if (connection != opened) {
            return; // stopped meanwhile
        }
        if (failure != null) {
            error = opened.lastError().orElse(String.valueOf(failure.getMessage()));
            state = SensorState.FAILED;
            connection = null;
            // Not on Paho's own thread, which completed this future.
            CompletableFuture.runAsync(opened::close);
            schedule(scheduler, retry, CONNECT_RETRY_S);
            return;
        }
        error = null;
        announced = false;
        try {
            task = scheduler.scheduleAtFixedRate(this::tick, 0, spec.interval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The fleet closed while this sensor was connecting.
            connection = null;
            state = SensorState.STOPPED;
            CompletableFuture.runAsync(opened::close);
        }
    }

    private synchronized void retry(Runnable start) {
        if (wanted && connection == null) {
            start.run();
        }
    }

    private static void schedule(ScheduledExecutorService scheduler, Runnable action, long seconds) {
        try {
            scheduler.schedule(action, seconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // The fleet is closing: no more attempts.
        }
    }

    /** One reading. Runs on the fleet's scheduler, which is what keeps the model's sequence deterministic. */
    synchronized void tick() {
        BrokerConnection c = connection;
        if (c == null || clock.isPaused()) {
            return;
        }
        if (c.state() != ConnectionState.CONNECTED) {
            // The broker saw the Last Will; say online again once the connection is back.
            announced = false;
            state = SensorState.OFFLINE;
            error = c.lastError().orElse(null);
            return;
        }
        if (!announced) {
            announced = true;
            c.publish(spec.statusTopic(), ONLINE, 1, true).whenComplete(this::count);
        }
        state = SensorState.RUNNING;
        Instant now = clock.now();
        FaultInjector.Outcome reading = faults.apply(model.next(now), now);
        if (reading.dropped()) {
            dropped.increment();
            return;
        }
        if (spec.measure().isEvent()) {
            if (reading.value() == lastEvent) {
                return;
            }
            lastEvent = reading.value();
        }
        byte[] payload = Payloads.encode(spec.format(), spec.measure(), reading.value(), now);
        lastValue = Payloads.text(spec.measure(), reading.value());
        if (reading.garbled()) {
            payload = faults.garble(payload);
            lastValue = "\uFFFD " + lastValue;
        }
        c.publish(spec.topic(), payload, spec.qos(), spec.retain()).whenComplete(this::count);
    }

    private void count(Void ok, Throwable failure) {
        if (failure == null) {
            published.increment();
        } else {
            // Counted and explained: a reading the broker did not acknowledge (e.g. "Connection lost" when it
            // restarted with the PUBLISH in flight) is reported lost, never dropped silently.
            failed.increment();
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            error = "last publish failed: " + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
        }
    }

    /**
     * Stops reading, publishes {@code offline} (retained) and disconnects cleanly, so the broker does not
     * also send the Last Will. The slow part runs on {@code closer}.
     */
    synchronized CompletableFuture<Void> stop(Executor closer) {
        return stop(closer, false);
    }

    /**
     * Like {@link #stop(Executor)}, but if {@code forget} the sensor leaves no trace: instead of
     * {@code offline} it clears its retained status (and its retained reading, if it retains them), as a
     * device that was taken away. Completes with the cleared topics, empty if it was not connected.
     */
    synchronized CompletableFuture<Void> stop(Executor closer, boolean forget) {
        wanted = false;
        BrokerConnection c = connection;
        if (c == null) {
            state = SensorState.STOPPED; // also ends the retries of a sensor that could not connect
            return CompletableFuture.completedFuture(null);
        }
        connection = null;
        state = SensorState.STOPPED;
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        CompletableFuture<Void> last = c.state() != ConnectionState.CONNECTED ? CompletableFuture.completedFuture(null)
                : forget ? clearRetained(c) : c.publish(spec.statusTopic(), OFFLINE, 1, true)
                        .orTimeout(OFFLINE_TIMEOUT_S, TimeUnit.SECONDS).whenComplete(this::count);
        return last.handle((ok, failure) -> failure)
                .thenAcceptAsync(failure -> {
                    c.close();
                    if (failure != null) {
                        error = (forget ? "retained status not cleared: " : "offline status not confirmed: ")
                                + failure.getMessage();
                        if (forget) {
                            throw new CompletionException(error, failure);
                        }
                    }
                }, closer);
    }

    /** Whether it is connected now, so {@link #stop(Executor, boolean)} can clear its retained topics itself. */
    synchronized boolean isConnected() {
        return connection != null && connection.state() == ConnectionState.CONNECTED;
    }

    /**
     * For a sensor that is not connected: connects once (without a Last Will), clears its retained topics
     * and disconnects cleanly.
     */
    CompletableFuture<Void> clearRetainedOnce(ConnectionSettings broker, SensorConnector connector,
                                              ScheduledExecutorService clientThreads, Executor closer) {
        BrokerConnection once = connector.open(ownSettings(broker, false), clientThreads);
        return once.connect().orTimeout(OFFLINE_TIMEOUT_S * 2, TimeUnit.SECONDS)
                .thenCompose(ok -> clearRetained(once))
                .whenCompleteAsync((ok, failure) -> once.close(), closer);
    }

    /** An empty retained message deletes the broker's retained one (MQTT 3.3.1.3). */
    private CompletableFuture<Void> clearRetained(BrokerConnection c) {
        CompletableFuture<Void> status = c.publish(spec.statusTopic(), new byte[0], 1, true);
        CompletableFuture<Void> reading = spec.retain() ? c.publish(spec.topic(), new byte[0], 1, true)
                : CompletableFuture.completedFuture(null);
        return CompletableFuture.allOf(status, reading).orTimeout(OFFLINE_TIMEOUT_S, TimeUnit.SECONDS);
    }
}
