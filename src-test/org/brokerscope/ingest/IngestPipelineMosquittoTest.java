package org.brokerscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hot path end to end: Mosquitto -> Paho callback -> queue -> ingest thread -> changed topics. */
class IngestPipelineMosquittoTest {
    private static final String TOPIC = "maison/salon/temperature";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private MosquittoBroker mosquitto;
    private IngestPipeline pipeline;
    private PahoV5Connection monitor;
    private PahoV5Connection publisher;
    // Everything takeChanges() handed over so far, latest snapshot per topic, as the UI would keep it.
    private final Map<String, TopicSnapshot> seen = new HashMap<>();

    @BeforeEach
    void startBrokerAndPipeline() throws Exception {
        mosquitto = MosquittoBroker.start();
        pipeline = IngestPipeline.withDefaults().start();
        publisher = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "test-publisher"), m -> { });
        publisher.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeEverything() {
        // Reverse order of creation; each close is safe when the part never started.
        if (monitor != null) {
            monitor.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void aRetainedThenALiveMessageReachTheModel() throws Exception {
        publish("21.5", 1, true);
        subscribeMonitor();

        TopicSnapshot retained = awaitPayload("21.5");
        assertTrue(retained.lastMessage().orElseThrow().retained(), "delivered from the broker's retained store");

        publish("21.6", 0, false);
        TopicSnapshot live = awaitPayload("21.6");
        assertFalse(live.lastMessage().orElseThrow().retained());
        assertEquals(2, live.messageCount());

        IngestStats stats = pipeline.stats();
        assertEquals(2, stats.received());
        assertEquals(2, stats.applied());
        assertEquals(0, stats.dropped());
        assertEquals(1, stats.topicCount());
    }

    @Test
    void aBurstFromOnePublisherArrivesWhole() throws Exception {
        subscribeMonitor();
        int count = 2_000;
        for (int i = 0; i < count; i++) {
            // QoS 1 and waiting on each future keeps Paho within its message-ID and in-flight limits.
            publisher.publish("maison/burst/" + (i % 50), Integer.toString(i).getBytes(StandardCharsets.UTF_8), 1, false)
                    .get(10, TimeUnit.SECONDS);
        }

        Eventually.await(WAIT, () -> pipeline.stats().applied() == count, () -> "stats " + pipeline.stats());
        assertEquals(0, pipeline.stats().dropped());
        assertEquals(50, pipeline.stats().topicCount());
    }

    private void subscribeMonitor() throws Exception {
        monitor = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "test-monitor"), pipeline);
        monitor.connect().get(10, TimeUnit.SECONDS);
        monitor.subscribe("#", 0).get(10, TimeUnit.SECONDS);
    }

    private void publish(String payload, int qos, boolean retained) throws Exception {
        publisher.publish(TOPIC, payload.getBytes(StandardCharsets.UTF_8), qos, retained).get(10, TimeUnit.SECONDS);
    }

    private TopicSnapshot awaitPayload(String payload) {
        Eventually.await(WAIT, () -> {
            seen.putAll(pipeline.takeChanges());
            TopicSnapshot s = seen.get(TOPIC);
            return s != null && payload.equals(text(s.lastMessage().orElseThrow()));
        }, () -> "no '" + payload + "' on " + TOPIC + "; stats " + pipeline.stats() + ", seen " + describe(seen)
                + "; mosquitto log:\n" + mosquitto.logText());
        return seen.get(TOPIC);
    }

    private static String describe(Map<String, TopicSnapshot> snapshots) {
        Map<String, String> last = new HashMap<>();
        snapshots.forEach((t, s) -> last.put(t, s.lastMessage().map(IngestPipelineMosquittoTest::text).orElse("-")));
        return last.toString();
    }

    private static String text(Message message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }
}
