package org.brokerscope.ingest.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.rooms.MiniJson;
import org.brokerscope.domain.rooms.RoomSnapshots;
import org.brokerscope.domain.rooms.RoomsModel;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Mosquitto fed by mosquitto_pub, as a student's script would: rooms appear with the right
 * averages, and the aggregates come back on the documented topics with the right values.
 */
class RoomsFeedMosquittoTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private MosquittoBroker broker;
    private IngestPipeline ingest;
    private ScheduledExecutorService scheduler;
    private RoomsFeed feed;
    private BrokerConnection monitor;
    private BrokerConnection listener;
    private final Map<String, String> received = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoBroker.start();
        scheduler = Executors.newSingleThreadScheduledExecutor();
        ingest = IngestPipeline.withDefaults();
        monitor = new PahoV5Connection(ConnectionSettings.of(broker.tcpUri(), "rooms-monitor"), ingest);
        feed = new RoomsFeed(new RoomsModel(RoomsModel.Options.defaults()), scheduler, Clock.systemUTC(), () -> Optional.of(monitor));
        ingest.observe(feed).start();
        feed.start();
        monitor.connect().get(10, TimeUnit.SECONDS);
        monitor.subscribe("#", 0).get(10, TimeUnit.SECONDS);
        listener = new PahoV5Connection(ConnectionSettings.of(broker.tcpUri(), "rooms-listener"),
                m -> received.put(m.topic(), new String(m.payload(), StandardCharsets.UTF_8)));
        listener.connect().get(10, TimeUnit.SECONDS);
        listener.subscribe("maison/+/+/+", 0).get(10, TimeUnit.SECONDS);
        listener.subscribe("alerts/#", 0).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        feed.close();
        scheduler.shutdownNow();
        listener.close();
        monitor.close();
        ingest.close();
        broker.close();
    }

    @Test
    void roomsFromMosquittoPubAndAggregatesRepublishedOnTheDocumentedTopics() throws Exception {
        pub("maison/salon/temperature/s1", "20");
        pub("maison/salon/temperature/s2", "22.0 °C");
        pub("maison/salon/humidity", "{\"value\": 45}");
        pub("maison/cuisine/temperature", "25,0");
        pub("maison/cuisine/humidity", "capteur en panne");

        Eventually.await(WAIT, () -> feed.snapshot().rooms().size() == 2
                && room("maison/salon").sensorCount() == 3 && room("maison/cuisine").unreadable() == 1, () -> feed.snapshot().toString());
        assertEquals(21.0, room("maison/salon").measures().stream().filter(m -> m.kind().id().equals("temperature"))
                .findFirst().orElseThrow().window().mean(), 1e-9);
        assertEquals(23.0, feed.snapshot().house().stream().filter(h -> h.kind().id().equals("temperature")).findFirst().orElseThrow().average(), 1e-9);

        feed.setPublishing(new RoomsFeed.Publishing(true, Duration.ofSeconds(1), "alerts/rooms"));
        Eventually.await(WAIT, () -> received.containsKey("maison/_house/temperature/avg")
                && received.containsKey("maison/salon/temperature/count"), () -> received.keySet().toString());
        assertEquals(21.0, value("maison/salon/temperature/avg"));
        assertEquals(20.0, value("maison/salon/temperature/min"));
        assertEquals(22.0, value("maison/salon/temperature/max"));
        assertEquals(2.0, value("maison/salon/temperature/count"));
        assertEquals(45.0, value("maison/salon/humidity/avg"));
        assertEquals(23.0, value("maison/_house/temperature/avg"));
        assertTrue(received.get("maison/salon/temperature/avg").matches(
                "\\{\"value\":21,\"count\":2,\"window\":60,\"timestamp\":\"\\d{4}-.*Z\"}"), received.get("maison/salon/temperature/avg"));

        // Our own aggregates come back through '#' and must not become rooms or measures.
        Thread.sleep(1_500);
        assertEquals(2, feed.snapshot().rooms().size());
        assertEquals(3, room("maison/salon").sensorCount());

        pub("maison/cuisine/temperature", "31");
        Eventually.await(WAIT, () -> received.containsKey("alerts/rooms"), "an alert published to the alert topic");
        assertTrue(received.get("alerts/rooms").contains("\"room\":\"maison/cuisine\""), received.get("alerts/rooms"));
        assertTrue(feed.publishStats().failed() == 0, feed.publishStats().toString());
    }

    private double value(String topic) {
        return (Double) MiniJson.path(MiniJson.parse(received.get(topic)), "value").orElseThrow();
    }

    private RoomSnapshots.Room room(String key) {
        return feed.snapshot().rooms().stream().filter(r -> r.key().equals(key)).findFirst()
                .orElse(new RoomSnapshots.Room(key, "", "", java.util.List.of(), -1));
    }

    private void pub(String topic, String payload) throws Exception {
        MosquittoBroker.run("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port()), "-t", topic, "-m", payload);
    }
}
