package org.brokerscope.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The MQTT broker Brokerscope runs in its own process: HiveMQ Community Edition, embedded, with
 * in-memory persistence, bound to loopback, with usage statistics off.
 *
 * <p>{@link #start} blocks for one to three seconds, so call it off the FX thread.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedBroker.class.getName());

    private static final int ACTIVITY_CAPACITY = 65_536;

    private final BrokerEndpoint endpoint;
    private final BrokerActivity activity;
    private final SharingAuthenticator authenticator;
    private final BrokerOptions options;
    private final Path workFolder;
    private EmbeddedHiveMQ hivemq;
    private boolean shared;
    private Optional<SharedCredentials> credentials = Optional.empty();
    private boolean closed;
    private final long startedAtNanos = System.nanoTime();

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, BrokerEndpoint endpoint, BrokerActivity activity,
                           SharingAuthenticator authenticator, BrokerOptions options, Path workFolder) {
        this.hivemq = hivemq;
        this.endpoint = endpoint;
        this.activity = activity;
        this.authenticator = authenticator;
        this.options = options;
        this.workFolder = workFolder;
    }

    /**
     * Starts the broker on the preferred port, or on a free one when the preferred port is taken.
     *
     * @throws BrokerStartException when HiveMQ does not start, with HiveMQ's reason
     */
    public static EmbeddedBroker start(BrokerOptions options) {
        String host = options.bindAddress();
        int requested = options.preferredPort();
        boolean taken = requested != 0 && !FreePorts.isFree(host, requested);
        int port = requested == 0 || taken ? FreePorts.any(host) : requested;
        Path work = createWorkFolder();
        BrokerActivity activity = new BrokerActivity(ACTIVITY_CAPACITY);
        SharingAuthenticator authenticator = new SharingAuthenticator();
        EmbeddedHiveMQ hivemq;
        try {
            hivemq = startHiveMq(work, options, port, activity, authenticator);
        } catch (BrokerStartException e) {
            deleteRecursively(work);
            throw e;
        }
        BrokerEndpoint endpoint = new BrokerEndpoint(host, port, requested, taken);
        LOG.log(System.Logger.Level.INFO, "Embedded broker listening on {0}", endpoint.displayUrl());
        return new EmbeddedBroker(hivemq, endpoint, activity, authenticator, options, work);
    }

    private static EmbeddedHiveMQ startHiveMq(Path work, BrokerOptions options, int port, BrokerActivity activity,
                                              SharingAuthenticator authenticator) {
        EmbeddedHiveMQ hivemq = null;
        try {
            HiveMqConfig.write(work.resolve("conf"), options, port);
            hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(work.resolve("conf"))
                    .withDataFolder(work.resolve("data"))
                    .withExtensionsFolder(Files.createDirectories(work.resolve("extensions")))
                    .withEmbeddedExtension(EmbeddedExtension.builder()
                            .withId("brokerscope-activity").withName("Brokerscope activity")
                            .withVersion("1").withExtensionMain(new ActivityExtension(activity, authenticator)).build())
                    .build();
            hivemq.start().join();
            return hivemq;
        } catch (IOException | CompletionException | IllegalStateException e) {
            closeQuietly(hivemq);
            throw new BrokerStartException("The embedded broker did not start on " + options.bindAddress() + ":" + port
                    + ": " + rootMessage(e), e);
        }
    }

    /**
     * Opens the broker to the local network (all interfaces, same port) or closes it back to loopback.
     * HiveMQ cannot change listeners while running, so this restarts it: connected clients are dropped
     * and reconnect by themselves. Blocks several seconds; call it off the FX thread.
     *
     * @param credentials asked of clients from the network; empty lets anyone on the network in
     */
    public synchronized void share(boolean open, Optional<SharedCredentials> credentials) {
        if (closed) {
            throw new IllegalStateException("The embedded broker is stopped");
        }
        authenticator.require(credentials);
        this.credentials = credentials;
        if (open == shared) {
            return;
        }
        closeQuietly(hivemq);
        hivemq = null;
        BrokerOptions listen = new BrokerOptions(open ? "0.0.0.0" : options.bindAddress(), endpoint.port(),
                options.maxQueueSize(), options.receiveMaximum());
        hivemq = startHiveMq(workFolder, listen, endpoint.port(), activity, authenticator);
        shared = open;
        LOG.log(System.Logger.Level.INFO, open ? "Embedded broker shared on the network, port {0}"
                : "Embedded broker back on loopback only, port {0}", endpoint.port());
    }

    /** Seconds since this broker was started (sharing restarts do not reset it). */
    public long uptimeSeconds() {
        return (System.nanoTime() - startedAtNanos) / 1_000_000_000L;
    }

    /** The broker's name and version, e.g. "HiveMQ CE 2025.5". */
    public String version() {
        String v = EmbeddedHiveMQ.class.getPackage().getImplementationVersion();
        return "HiveMQ CE" + (v == null ? "" : " " + v);
    }

    /** The credentials network clients must give, if sharing asks for any. */
    public synchronized Optional<SharedCredentials> sharedCredentials() {
        return credentials;
    }

    /** Whether the broker listens on the network, not just on loopback. */
    public synchronized boolean isShared() {
        return shared;
    }

    /** Asks the broker to disconnect a client; completes with false when no such client was connected. */
    public CompletableFuture<Boolean> disconnect(String clientId) {
        return com.hivemq.extension.sdk.api.services.Services.clientService().disconnectClient(clientId);
    }

    public BrokerEndpoint endpoint() {
        return endpoint;
    }

    /** What clients do on this broker, with their IDs: connects, disconnects, subscriptions, publishes. */
    public BrokerActivity activity() {
        return activity;
    }

    /** Stops the broker and removes its temporary files. Takes a few seconds; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(hivemq);
        deleteRecursively(workFolder);
    }

    private static void closeQuietly(EmbeddedHiveMQ hivemq) {
        if (hivemq == null) {
            return;
        }
        try {
            hivemq.stop().join();
            hivemq.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "The embedded broker did not stop cleanly: {0}", rootMessage(e));
        }
    }

    private static Path createWorkFolder() {
        try {
            return Files.createTempDirectory("brokerscope-broker-");
        } catch (IOException e) {
            throw new BrokerStartException("Cannot create a folder for the embedded broker: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not remove {0}: {1}", folder, e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
