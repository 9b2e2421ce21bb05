package org.brokerscope.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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

    private final EmbeddedHiveMQ hivemq;
    private final BrokerEndpoint endpoint;
    private final BrokerActivity activity;
    private final Path workFolder;
    private boolean closed;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, BrokerEndpoint endpoint, BrokerActivity activity, Path workFolder) {
        this.hivemq = hivemq;
        this.endpoint = endpoint;
        this.activity = activity;
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
        EmbeddedHiveMQ hivemq = null;
        BrokerActivity activity = new BrokerActivity(ACTIVITY_CAPACITY);
        try {
            HiveMqConfig.write(work.resolve("conf"), options, port);
            hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(work.resolve("conf"))
                    .withDataFolder(work.resolve("data"))
                    .withExtensionsFolder(Files.createDirectories(work.resolve("extensions")))
                    .withEmbeddedExtension(EmbeddedExtension.builder()
                            .withId("brokerscope-activity").withName("Brokerscope activity")
                            .withVersion("1").withExtensionMain(new ActivityExtension(activity)).build())
                    .build();
            hivemq.start().join();
        } catch (IOException | CompletionException | IllegalStateException e) {
            closeQuietly(hivemq);
            deleteRecursively(work);
            throw new BrokerStartException("The embedded broker did not start on " + host + ":" + port
                    + ": " + rootMessage(e), e);
        }
        BrokerEndpoint endpoint = new BrokerEndpoint(host, port, requested, taken);
        LOG.log(System.Logger.Level.INFO, "Embedded broker listening on {0}", endpoint.displayUrl());
        return new EmbeddedBroker(hivemq, endpoint, activity, work);
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
