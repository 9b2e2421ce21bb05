package org.brokerscope.ingest.rooms;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import org.brokerscope.domain.rooms.AlertRules;
import org.brokerscope.domain.rooms.RoomsModel;
import org.brokerscope.domain.rooms.TopicMapper;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.BrokerConnections;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ProtocolChoice;

/**
 * The aggregator as one member of a group that shares the work: its own MQTT 5 connection subscribes
 * through the shared subscription {@code $share/brokerscope/<filter>}, so the broker hands each sensor
 * message to one member of the group only, and this member republishes the aggregates of what it got.
 *
 * <p>Its own connection, not the monitor's: the monitor also subscribes to {@code #}, and one client
 * holding both subscriptions would receive its share twice. Its own rooms model and ingest queue, so the
 * dashboard keeps showing every message while this member aggregates only its share. The broker splits
 * messages, not topics (Mosquitto and HiveMQ hand them round-robin), so with N members each room's
 * aggregates come from about 1/N of its readings, and each reading counts in one member's aggregates.
 */
public final class GroupAggregator implements AutoCloseable {
    /** The share name every Brokerscope uses, so instances on one broker form one group. */
    public static final String GROUP = "brokerscope";
    private static final int QUEUE = 50_000;
    private static final long QUEUE_BYTES = 64L << 20;
    private final IngestPipeline pipeline = new IngestPipeline(QUEUE, QUEUE_BYTES);
    private final RoomsFeed feed;
    private final BrokerConnection connection;
    private final String filter;
    private final LongAdder readings = new LongAdder();

    /**
     * @param settings where and as whom to connect; MQTT 5 is required for shared subscriptions
     * @param topicFilter what to aggregate, e.g. {@code #} or {@code maison/#}
     */
    public GroupAggregator(ConnectionSettings settings, String topicFilter, TopicMapper mapper, AlertRules rules,
                           Duration period, ScheduledExecutorService scheduler, Clock clock) {
        this.filter = sharedFilter(topicFilter);
        this.connection = BrokerConnections.open(settings.withProtocol(ProtocolChoice.MQTT_5), pipeline);
        this.feed = new RoomsFeed(new RoomsModel(RoomsModel.Options.defaults()), scheduler, clock, () -> Optional.of(connection));
        feed.configure(mapper, rules);
        // Alerts stay with the dashboard's own feed, which sees every message: a member sees only a part.
        feed.setPublishing(new RoomsFeed.Publishing(true, period, ""));
        // The group also hands members the aggregates they publish (MQTT 5 forbids no-local on a shared
        // subscription); the mapper never reads those, and they are not counted as readings.
        pipeline.observe(feed).observe(m -> {
            if (!TopicMapper.isAggregate(m.topic())) {
                readings.increment();
            }
        });
    }

    /** {@code $share/brokerscope/<topicFilter>}. */
    public static String sharedFilter(String topicFilter) {
        return "$share/" + GROUP + "/" + topicFilter;
    }

    /** Connects, joins the group and starts republishing; fails with the broker's or library's reason. */
    public CompletableFuture<Void> start() {
        pipeline.start();
        feed.start();
        return connection.connect().thenCompose(ok -> connection.subscribe(filter, 0));
    }

    /** How many sensor messages (not aggregates) the broker handed to this member. */
    public long received() {
        return readings.sum();
    }

    /** What this member has republished so far. */
    public RoomsFeed.PublishStats publishStats() {
        return feed.publishStats();
    }

    public String filter() {
        return filter;
    }

    @Override
    public void close() {
        feed.close();
        connection.close();
        pipeline.close();
    }
}
