package org.brokerscope.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.testing.Eventually;
import org.junit.jupiter.api.Test;

/** The embedded broker reports what each client does, by client ID, through its activity feed. */
class BrokerActivityTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void connectsSubscriptionsPublishesAndDisconnectsArriveWithClientIds() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.onPort(0))) {
            List<BrokerEvent> seen = new CopyOnWriteArrayList<>();
            String uri = broker.endpoint().tcpUri();
            try (BrokerConnection bob = new PahoV5Connection(ConnectionSettings.of(uri, "bob"), m -> { })) {
                bob.connect().get(10, TimeUnit.SECONDS);
                bob.subscribe("maison/#", 1).get(10, TimeUnit.SECONDS);
                try (BrokerConnection alice = new PahoV5Connection(ConnectionSettings.of(uri, "alice"), m -> { })) {
                    alice.connect().get(10, TimeUnit.SECONDS);
                    alice.publish("maison/salon/temperature", "21.5".getBytes(StandardCharsets.UTF_8), 1, false)
                            .get(10, TimeUnit.SECONDS);
                }
                Eventually.await(WAIT, () -> {
                    broker.activity().drain(seen::add, 1_000);
                    return seen.contains(new BrokerEvent.Disconnected("alice"));
                }, () -> "events so far: " + seen);
            }
            assertTrue(connected(seen, "bob") >= 0, seen::toString);
            assertTrue(seen.contains(new BrokerEvent.Subscribed("bob", "maison/#", 1)), seen::toString);
            assertTrue(connected(seen, "alice") >= 0, seen::toString);
            assertTrue(seen.contains(new BrokerEvent.Published("alice", "maison/salon/temperature", 4)), seen::toString);
            // Order per client is the order it happened in.
            assertTrue(connected(seen, "alice")
                    < seen.indexOf(new BrokerEvent.Published("alice", "maison/salon/temperature", 4)), seen::toString);
            assertEquals(0, broker.activity().droppedCount());
        }
    }

    // Connected carries the client's address and protocol: loopback and MQTT 5 for these clients.
    private static int connected(List<BrokerEvent> seen, String clientId) {
        return seen.indexOf(new BrokerEvent.Connected(clientId, "127.0.0.1", "5"));
    }

    @Test
    void aBrokerscopeLagProbeIsCountedAsTrafficButShowsNoTopicNorSubscription() {
        BrokerActivity activity = new BrokerActivity(16);
        activity.record(new BrokerEvent.Connected("app", "127.0.0.1", "5"));
        activity.record(new BrokerEvent.Subscribed("app", "brokerscope/lag/abcd1234", 0));
        activity.record(new BrokerEvent.Subscribed("app", "#", 0));
        activity.record(new BrokerEvent.Published("app", "brokerscope/lag/abcd1234", 2));
        List<BrokerEvent> seen = new java.util.ArrayList<>();
        activity.drain(seen::add, 16);
        assertEquals(List.of(new BrokerEvent.Connected("app", "127.0.0.1", "5"), new BrokerEvent.Subscribed("app", "#", 0)), seen);
        assertEquals(java.util.Map.of("#", 0), activity.connectedNow().stream()
                .filter(e -> e instanceof BrokerEvent.Subscribed).collect(java.util.stream.Collectors.toMap(
                        e -> ((BrokerEvent.Subscribed) e).topicFilter(), e -> ((BrokerEvent.Subscribed) e).qos())));
        assertEquals(1, activity.publishedTotal(), "the broker did take the probe in");
    }

    @Test
    void aReaderThatFallsBehindCostsCountedDropsNotABlockedBroker() {
        BrokerActivity activity = new BrokerActivity(4);
        for (int i = 0; i < 10; i++) {
            activity.record(new BrokerEvent.Published("c", "t", i));
        }
        List<BrokerEvent> drained = new CopyOnWriteArrayList<>();
        assertEquals(4, activity.drain(drained::add, 100));
        assertEquals(6, activity.droppedCount());
        assertEquals(new BrokerEvent.Published("c", "t", 0), drained.get(0));
    }
}
