package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.Message;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;

/**
 * Subscribe with MQTT 5 options and unsubscribe, against Mosquitto. Each check ends on a marker message
 * sent after the one that must not arrive: once the marker is in, the other would have been too.
 */
class SubscriptionOptionsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void noLocalRetainHandlingAndRetainAsPublishedAreSentToTheBroker() throws Exception {
        List<Message> got = new CopyOnWriteArrayList<>();
        try (MosquittoBroker mosquitto = MosquittoBroker.start();
             PahoV5Connection client = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "opts"), got::add);
             PahoV5Connection other = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "opts-other"), m -> { })) {
            client.connect().get(10, TimeUnit.SECONDS);
            other.connect().get(10, TimeUnit.SECONDS);
            assertTrue(client.supportsSubscriptionOptions());
            other.publish("kept/one", bytes("old"), 1, true).get(10, TimeUnit.SECONDS);

            // Retain handling 2: no retained message on subscribe. No local: our own publish does not come back.
            client.subscribe(new Subscription("kept/#", 1, true, true, 2)).get(10, TimeUnit.SECONDS);
            client.publish("kept/mine", bytes("mine"), 1, false).get(10, TimeUnit.SECONDS);
            other.publish("kept/two", bytes("live retained"), 1, true).get(10, TimeUnit.SECONDS);
            Eventually.await(WAIT, () -> got.stream().anyMatch(m -> m.topic().equals("kept/two")), () -> "got " + got);
            assertEquals(List.of("kept/two"), got.stream().map(Message::topic).toList());
            assertTrue(got.get(0).retained(), "retain-as-published keeps the flag on a live message");

            client.unsubscribe("kept/#").get(10, TimeUnit.SECONDS);
            client.subscribe("marker", 1).get(10, TimeUnit.SECONDS);
            other.publish("kept/three", bytes("after unsubscribe"), 1, false).get(10, TimeUnit.SECONDS);
            other.publish("marker", bytes("m"), 1, false).get(10, TimeUnit.SECONDS);
            Eventually.await(WAIT, () -> got.stream().anyMatch(m -> m.topic().equals("marker")), () -> "got " + got);
            assertFalse(got.stream().anyMatch(m -> m.topic().equals("kept/three")), "unsubscribed: " + got);
        }
    }

    @Test
    void aThreeOneOneConnectionSubscribesAndUnsubscribesAndSaysItIgnoresTheOptions() throws Exception {
        List<Message> got = new CopyOnWriteArrayList<>();
        try (MosquittoBroker mosquitto = MosquittoBroker.start();
             PahoV3Connection client = new PahoV3Connection(ConnectionSettings.of(mosquitto.tcpUri(), "v3opts"), got::add)) {
            client.connect().get(10, TimeUnit.SECONDS);
            assertFalse(client.supportsSubscriptionOptions());
            client.subscribe(new Subscription("v3/#", 1, true, false, 0)).get(10, TimeUnit.SECONDS);
            client.publish("v3/echo", bytes("x"), 1, false).get(10, TimeUnit.SECONDS);
            // No-local was not sent, so 3.1.1 echoes our own message: the option really is ignored.
            Eventually.await(WAIT, () -> got.stream().anyMatch(m -> m.topic().equals("v3/echo")), () -> "got " + got);
            client.unsubscribe("v3/#").get(10, TimeUnit.SECONDS);
            client.subscribe("marker", 1).get(10, TimeUnit.SECONDS);
            client.publish("v3/after", bytes("y"), 1, false).get(10, TimeUnit.SECONDS);
            client.publish("marker", bytes("m"), 1, false).get(10, TimeUnit.SECONDS);
            Eventually.await(WAIT, () -> got.stream().anyMatch(m -> m.topic().equals("marker")), () -> "got " + got);
            assertFalse(got.stream().anyMatch(m -> m.topic().equals("v3/after")), "unsubscribed: " + got);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
