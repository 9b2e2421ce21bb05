package org.brokerscope;

import java.time.Duration;
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
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.mqtt.Subscription;
import org.brokerscope.settings.AppSettings;
import org.brokerscope.sim.DemoHouse;
import org.brokerscope.sim.SensorFleet;

/**
 * The running parts of the app, below the UI: the embedded broker, the monitoring connection that feeds
 * the ingest pipeline, and the demo sensors. Started in that order off the FX thread, closed in reverse.
 */
public final class AppServices implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AppServices.class.getName());
    private static final long CONNECT_TIMEOUT_S = 15;

    private final AppSettings settings;
    private final IngestPipeline ingest = IngestPipeline.withDefaults();
    private volatile AppStatus status = AppStatus.IDLE;
    private EmbeddedBroker broker;
    private BrokerConnection monitor;
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

    public ConnectionState connectionState() {
        BrokerConnection m;
        synchronized (this) {
            m = monitor;
        }
        return m == null ? ConnectionState.DISCONNECTED : m.state();
    }

    /** Starts broker, connection and demo on {@code executor}; the future fails with a readable reason. */
    public CompletableFuture<Void> start(Executor executor) {
        ingest.start();
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

        BrokerConnection connection = new PahoV5Connection(
                ConnectionSettings.of(endpoint.tcpUri(), "brokerscope-" + UUID.randomUUID().toString().substring(0, 8)),
                ingest);
        if (!keep(connection)) {
            return;
        }
        connection.connect().orTimeout(CONNECT_TIMEOUT_S, TimeUnit.SECONDS).join();
        // Retain-as-published: a retained message published while we watch keeps its flag, so the tree
        // knows which topics hold one (for "Delete retained").
        connection.subscribe(new Subscription("#", 0, false, true, 0)).orTimeout(CONNECT_TIMEOUT_S, TimeUnit.SECONDS).join();

        if (settings.demoSensors()) {
            SensorFleet demo = DemoHouse.fleet(
                    clientId -> new PahoV5Connection(ConnectionSettings.of(endpoint.tcpUri(), clientId), m -> { }),
                    Duration.ofSeconds(1), 42);
            if (!keep(demo)) {
                return;
            }
            demo.start();
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
        closeQuietly(f);
        closeQuietly(m);
        ingest.close();
        closeQuietly(b);
        status = status.with(Phase.STOPPED);
    }

    private static void closeQuietly(AutoCloseable part) {
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
