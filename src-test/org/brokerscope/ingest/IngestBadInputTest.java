package org.brokerscope.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.TopicNode;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input the issue lists, through a real Mosquitto into the pipeline at once: none may
 * stop the ingest thread or cost another topic its messages.
 */
class IngestBadInputTest {
    private static final int FLOOD = 20_000;

    @Test
    void badPayloadsOddTopicsAndAFloodAreAllTakenWithoutLosingTheRest() throws Exception {
        Map<String, byte[]> sent = badInputs();
        try (MosquittoBroker mosquitto = MosquittoBroker.start();
             IngestPipeline pipeline = IngestPipeline.withDefaults().start();
             PahoV5Connection monitor = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "bad-monitor"), pipeline);
             PahoV5Connection publisher = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "bad-publisher"), m -> { })) {
            monitor.connect().get(10, TimeUnit.SECONDS);
            monitor.subscribe("#", 1).get(10, TimeUnit.SECONDS);
            publisher.connect().get(10, TimeUnit.SECONDS);
            for (Map.Entry<String, byte[]> e : sent.entrySet()) {
                publisher.publish(e.getKey(), e.getValue(), 1, false).get(30, TimeUnit.SECONDS);
            }
            flood(mosquitto.port());
            publisher.publish("after/flood", "still here".getBytes(StandardCharsets.UTF_8), 1, false).get(10, TimeUnit.SECONDS);

            Eventually.await(Duration.ofSeconds(60), () -> count(pipeline, "flood/one") + pipeline.stats().dropped() >= FLOOD
                    && count(pipeline, "after/flood") == 1, () -> "stats " + pipeline.stats() + ", flood " + count(pipeline, "flood/one"));

            assertEquals(0, pipeline.stats().dropped(), "the default queue takes this flood whole");
            assertEquals(0, pipeline.stats().failed());
            assertEquals(FLOOD, count(pipeline, "flood/one"));
            for (Map.Entry<String, byte[]> e : sent.entrySet()) {
                Message last = pipeline.query(t -> t.find(e.getKey()).flatMap(TopicNode::lastMessage).orElseThrow())
                        .get(10, TimeUnit.SECONDS);
                assertArrayEquals(e.getValue(), last.payload(), "payload of " + shortName(e.getKey()));
            }
        }
    }

    private static Map<String, byte[]> badInputs() {
        Map<String, byte[]> sent = new LinkedHashMap<>();
        byte[] binary = new byte[4_096];
        new Random(7).nextBytes(binary);
        sent.put("bad/binary", binary);
        sent.put("bad/invalid-utf8", new byte[] {'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'z'});
        byte[] big = new byte[16 * 1024 * 1024];
        new Random(8).nextBytes(big);
        sent.put("bad/16mb", big);
        sent.put("bad/deep-json", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        sent.put("bad/empty", new byte[0]);
        sent.put("bad/with space/and émoji 🚀", "ok".getBytes(StandardCharsets.UTF_8));
        sent.put(String.join("/", Collections.nCopies(200, "deep")), "200 levels".getBytes(StandardCharsets.UTF_8));
        return sent;
    }

    // mosquitto_pub -l sends one message per input line, as fast as the broker takes them.
    private static void flood(int port) throws Exception {
        Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-q", "1",
                "-t", "flood/one", "-l").redirectErrorStream(true).start();
        try (OutputStream in = pub.getOutputStream()) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < FLOOD; i++) {
                lines.append(i).append('\n');
            }
            in.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (!pub.waitFor(60, TimeUnit.SECONDS)) {
            pub.destroyForcibly();
            throw new AssertionError("mosquitto_pub did not finish");
        }
        assertEquals(0, pub.exitValue(), new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static long count(IngestPipeline pipeline, String topic) {
        try {
            return pipeline.query(t -> t.find(topic).map(TopicNode::messageCount).orElse(0L)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String shortName(String topic) {
        return topic.length() > 40 ? topic.substring(0, 40) + "…" : topic;
    }
}
