package org.brokerscope;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.brokerscope.AppStatus.Notice;
import org.brokerscope.AppStatus.Phase;
import org.brokerscope.broker.BrokerEndpoint;
import org.brokerscope.broker.BrokerOptions;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.ingest.IngestSource;
import org.brokerscope.ingest.LagProbe;
import org.brokerscope.ingest.LagWatch;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.BrokerConnections;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.ProtocolChoice;
import org.brokerscope.mqtt.Subscription;
import org.brokerscope.settings.AppSettings;
import org.brokerscope.sim.SensorConnector;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.SimClock;
import org.brokerscope.sim.scenario.Scenarios;

/**
 * The running parts of the app, below the UI: the embedded broker, the monitoring connection that feeds
 * the ingest pipeline, and the demo sensors. Started in that order off the FX thread, closed in reverse.
 */
public final class AppServices implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AppServices.class.getName());
    private static final long CONNECT_TIMEOUT_S = 15;

    private final AppSettings settings;
    private final IngestPipeline ingest = IngestPipeline.withDefaults();
    private final LagProbe lagProbe = new LagProbe(UUID.randomUUID().toString().substring(0, 8));
    private final LagWatch lagWatch = new LagWatch(lagProbe, ingest, this::monitor, new MonitorBacklog(this),
            LagWatch.Limits.DEFAULT);
    private volatile AppStatus status = AppStatus.IDLE;
    private EmbeddedBroker broker;
    private BrokerConnection monitor;
    private ConnectionSettings monitorSettings;
    // The monitor's way into the ingest pipeline: the active one; a switch makes another one active.
    private IngestSource monitorSource;
    private SensorFleet fleet;
    private boolean closing;

    public AppServices(AppSettings settings) {
        this.settings = settings;
    }

    public IngestPipeline ingest() {
        return ingest;
    }

    public AppStatus status() {
        return status;
    }

    /** Shows a notice in the status bar, e.g. that a corrupt settings file was backed up. */
    public void notice(Notice notice) {
        status = status.withNotice(notice);
    }

    /** The app's own connection to the broker it watches (publish, subscribe); empty until it exists. */
    public synchronized Optional<BrokerConnection> monitor() {
        return Optional.ofNullable(monitor);
    }

    /** The virtual sensors publishing to the embedded broker; empty until the broker runs. */
    public synchronized Optional<SensorFleet> sensors() {
        return Optional.ofNullable(fleet);
    }

    /** The broker running inside the app, for views that show its clients (graph, presenter); empty until started. */
    public synchronized Optional<EmbeddedBroker> embeddedBroker() {
        return Optional.ofNullable(broker);
    }

    public ConnectionState connectionState() {
        BrokerConnection m;
        synchronized (this) {
            m = monitor;
        }
        return m == null ? ConnectionState.DISCONNECTED : m.state();
    }

    /** Where the embedded broker listens, once it runs; the embedded profile connects there. */
    public synchronized Optional<org.brokerscope.broker.BrokerEndpoint> embeddedEndpoint() {
        return Optional.ofNullable(broker).map(EmbeddedBroker::endpoint);
    }

    /**
     * Points the monitor connection (the one feeding the ingest pipeline) at another broker. The new one
     * connects and subscribes first; only then does it replace the old, so a failure leaves the app where it
     * was. Cancelling the returned future abandons the attempt and closes its connection.
     */
    public CompletableFuture<BrokerConnection> switchMonitor(ConnectionSettings target,
                                                             List<org.brokerscope.domain.profile.Subscription> subscriptions) {
        IngestSource source = ingest.newSource();
        BrokerConnection candidate = BrokerConnections.open(target, source);
        CompletableFuture<BrokerConnection> result = new CompletableFuture<>();
        candidate.connect().orTimeout(CONNECT_TIMEOUT_S, TimeUnit.SECONDS)
                .thenCompose(ok -> CompletableFuture.allOf(subscriptions.stream()
                        .map(s -> candidate.subscribe(Subscription.watching(s.filter(), s.qos())).exceptionally(e -> {
                            // A broker may refuse one filter (e.g. $SYS/#); the others still count.
                            LOG.log(System.Logger.Level.WARNING, "Subscribing to {0} failed: {1}", s.filter(), e.getMessage());
                            return null;
                        })).toArray(CompletableFuture[]::new)))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else if (!result.isDone()) {
                        replaceMonitor(candidate, target, source, target.serverUri());
                        result.complete(candidate);
                    }
                });
        result.whenComplete((c, error) -> {
            if (error != null) {
                restoreMonitorSource(source);
                // Not on the caller's thread: a cancel comes from the FX thread, and close waits for the CONNECT.
                CompletableFuture.runAsync(candidate::close);
            }
        });
        return result;
    }

    private void replaceMonitor(BrokerConnection next, ConnectionSettings settings, IngestSource source, String url) {
        BrokerConnection old;
        synchronized (this) {
            if (closing) {
                closeQuietly(next);
                return;
            }
            old = monitor;
            monitor = next;
            monitorSettings = settings;
            monitorSource = source;
        }
        source.activate(); // the tree shows the new broker's topics only, even one that sent none yet
        LOG.log(System.Logger.Level.INFO, "Monitoring {0}", url);
        advance(s -> s.withBroker(url, Optional.empty()));
        // Not on the caller's thread: that is the new client's callback thread, and a clean disconnect blocks.
        CompletableFuture.runAsync(() -> closeQuietly(old));
    }

    // A switch abandoned after the candidate's first message had taken over the tree: the old monitor
    // feeds it again (from an empty tree: its retained messages are not sent twice).
    private void restoreMonitorSource(IngestSource abandoned) {
        IngestSource current;
        synchronized (this) {
            current = monitorSource;
        }
        if (abandoned.isActive() && current != null) {
            current.activate();
        }
    }

    /** When the monitor connection tries again, for the status bar's countdown. */
    public Optional<java.time.Instant> nextReconnectAttempt() {
        return monitor().flatMap(BrokerConnection::nextReconnectAttempt);
    }

    public void reconnectNow() {
        monitor().ifPresent(BrokerConnection::reconnectNow);
    }

    /** Starts broker, connection and demo on {@code executor}; the future fails with a readable reason. */
    public CompletableFuture<Void> start(Executor executor) {
        ingest.measureLagWith(lagProbe).start();
        lagWatch.start();
        return CompletableFuture.runAsync(this::startBlocking, executor).whenComplete((ok, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                LOG.log(System.Logger.Level.ERROR, "Start-up failed: {0}", cause.getMessage());
                advance(s -> s.failed(String.valueOf(cause.getMessage())));
            }
        });
    }

    private void startBlocking() {
        advance(s -> s.with(Phase.STARTING_BROKER));
        EmbeddedBroker started = EmbeddedBroker.start(BrokerOptions.onPort(settings.embeddedBrokerPort()));
        if (!keep(started)) {
            return;
        }
        BrokerEndpoint endpoint = started.endpoint();
        Optional<Notice> portNotice = endpoint.portWasTaken()
                ? Optional.of(new Notice(Notice.Kind.PORT_TAKEN,
                        List.of(String.valueOf(endpoint.requestedPort()), String.valueOf(endpoint.port()))))
                : Optional.empty();
        advance(s -> s.withBroker(endpoint.displayUrl(), portNotice).with(Phase.CONNECTING));

        IngestSource source = ingest.newSource();
        source.activate(); // the first source: nothing to clear
        ConnectionSettings monitored = ConnectionSettings.of(endpoint.tcpUri(),
                "brokerscope-" + UUID.randomUUID().toString().substring(0, 8)).withProtocol(ProtocolChoice.MQTT_5);
        BrokerConnection connection = BrokerConnections.open(monitored, source);
        if (!keep(connection)) {
            return;
        }
        synchronized (this) {
            monitorSettings = monitored;
            monitorSource = source;
        }
        connection.connect().orTimeout(CONNECT_TIMEOUT_S, TimeUnit.SECONDS).join();
        // Retain-as-published: a retained message published while we watch keeps its flag, so the tree
        // knows which topics hold one (for "Delete retained").
        connection.subscribe(Subscription.watching("#", 0)).orTimeout(CONNECT_TIMEOUT_S, TimeUnit.SECONDS).join();

        // The fleet exists even without the demo, so the Sensors view can add sensors to it.
        SensorFleet sensors = new SensorFleet(ConnectionSettings.of(endpoint.tcpUri(), "sensors"), SensorConnector.paho(),
                SimClock.realTime());
        if (!keep(sensors)) {
            return;
        }
        if (settings.demoSensors()) {
            Scenarios.demoHouse(42).sensors().forEach(sensors::add);
            sensors.startAll();
        }
        advance(s -> s.with(Phase.RUNNING));
    }

    // Start-up runs on another thread: once close() has begun, its STOPPING and STOPPED must stand.
    private synchronized void advance(UnaryOperator<AppStatus> change) {
        if (!closing) {
            status = change.apply(status);
        }
    }

    // Each part is recorded as soon as it exists, so a close() during start-up still stops it.
    private synchronized boolean keep(AutoCloseable part) {
        if (closing) {
            closeQuietly(part);
            return false;
        }
        switch (part) {
            case EmbeddedBroker b -> broker = b;
            case BrokerConnection c -> monitor = c;
            case SensorFleet f -> fleet = f;
            default -> throw new IllegalArgumentException(part.getClass().getName());
        }
        return true;
    }

    /** Whether the monitor's session is a clean one, which ends, with the broker's queue for it, at disconnect. */
    synchronized boolean monitorSessionIsClean() {
        return !closing && monitorSettings != null && monitorSettings.sessionExpirySeconds() == 0;
    }

    /**
     * Makes a new, unconnected monitor with the current one's settings and ingest source (so the tree stays)
     * and returns both, for {@link MonitorBacklog}; empty while closing or before a monitor exists.
     */
    synchronized Optional<MonitorBacklog.Reopened> reopenMonitor() {
        if (closing || monitor == null) {
            return Optional.empty();
        }
        MonitorBacklog.Reopened reopened = new MonitorBacklog.Reopened(monitor, BrokerConnections.open(monitorSettings, monitorSource));
        monitor = reopened.next();
        return Optional.of(reopened);
    }

    /** Stops sensors, connection, ingest and broker, in that order. Blocks a few seconds for the broker. */
    @Override
    public void close() {
        EmbeddedBroker b;
        BrokerConnection m;
        SensorFleet f;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            b = broker;
            m = monitor;
            f = fleet;
        }
        status = status.with(Phase.STOPPING);
        lagWatch.close();
        closeQuietly(f);
        closeQuietly(m);
        ingest.close();
        closeQuietly(b);
        status = status.with(Phase.STOPPED);
    }

    static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Stopping {0} failed: {1}", part.getClass().getSimpleName(), e.getMessage());
        }
    }
}
