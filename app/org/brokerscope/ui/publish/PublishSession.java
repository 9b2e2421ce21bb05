package org.brokerscope.ui.publish;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.Publisher;

/**
 * What the Publish view keeps while the app runs, across rebuilds of the window (a language switch makes
 * a new view model): the publisher and its offline queue, the history, the templates, and the results that
 * arrived from MQTT threads and wait for the next frame.
 */
public final class PublishSession {
    private final Supplier<Optional<BrokerConnection>> connection;
    private final Publisher publisher;
    private final PublishHistory history = new PublishHistory();
    private final PublishTemplates templates;
    private final Executor background;
    private final Clock clock;
    // Filled on MQTT and background threads, applied by the view model once per frame (never runLater per message).
    private final ConcurrentLinkedQueue<Runnable> arrived = new ConcurrentLinkedQueue<>();
    private final String replyTopic = "brokerscope/replies/" + UUID.randomUUID().toString().substring(0, 8);

    /**
     * @param connection the app's own connection (AppServices.monitor())
     * @param background reads files and writes templates
     */
    public PublishSession(Supplier<Optional<BrokerConnection>> connection, Path configDirectory, Executor background,
                          Clock clock) {
        this.connection = connection;
        this.publisher = new Publisher(connection);
        this.templates = new PublishTemplates(configDirectory, clock);
        this.background = background;
        this.clock = clock;
        background.execute(templates::load);
    }

    Supplier<Optional<BrokerConnection>> connection() {
        return connection;
    }

    Publisher publisher() {
        return publisher;
    }

    PublishHistory history() {
        return history;
    }

    PublishTemplates templates() {
        return templates;
    }

    Executor background() {
        return background;
    }

    Clock clock() {
        return clock;
    }

    ConcurrentLinkedQueue<Runnable> arrived() {
        return arrived;
    }

    /** The topic request/response replies come back on, one per run of the app. */
    String replyTopic() {
        return replyTopic;
    }
}
