package org.brokerscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.brokerscope.broker.BrokerEvent;
import org.brokerscope.broker.BrokerOptions;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.testing.Eventually;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * The graph fed by the real embedded broker's activity feed, as the view feeds it once per frame: a
 * Paho client from outside appears as a node, its publish makes an edge to the right topic, and its
 * disconnect greys it. The teacher's disconnect button goes through the same broker.
 */
class GraphEmbeddedBrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anOutsideClientAppearsPublishesAndIsGreyedWhenItLeaves() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.onPort(0))) {
            GraphModel model = new GraphModel("Broker", true,
                    id -> new ClientVertex(id, ClientVertex.Kind.OTHER, id), new Particles(40, 900));
            String uri = broker.endpoint().tcpUri();
            try (BrokerConnection student = new PahoV5Connection(ConnectionSettings.of(uri, "eleve-12"), m -> { })) {
                student.connect().get(10, TimeUnit.SECONDS);
                awaitFrame(broker, model, () -> model.client("eleve-12") != null && model.client("eleve-12").connected());
                assertEquals("127.0.0.1", model.client("eleve-12").address());
                assertEquals("5", model.client("eleve-12").mqttVersion());

                student.publish("classe/table3/lumiere", "812".getBytes(StandardCharsets.UTF_8), 1, false).get(10, TimeUnit.SECONDS);
                awaitFrame(broker, model, () -> model.topic("classe/table3/lumiere") != null);
                TopicVertex topic = model.topic("classe/table3/lumiere");
                assertTrue(topic.publishers().contains(model.client("eleve-12")), "edge from the student to its topic");
                assertTrue(model.topic("classe/table3").publishers().isEmpty(), "the edge goes to the topic, not its parent");
            }
            awaitFrame(broker, model, () -> !model.client("eleve-12").connected());
        }
    }

    @Test
    void aTeacherCanDisconnectAClientAndALateViewSeesWhoIsConnected() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.onPort(0))) {
            String uri = broker.endpoint().tcpUri();
            // A bare Paho client without automatic reconnect, so it stays out once disconnected.
            MqttClient chatty = new MqttClient(uri, "bavard", new MemoryPersistence());
            try {
                chatty.connect();
                chatty.subscribe("classe/#", 1);
                // A graph made after the fact starts from who is connected now, subscriptions included.
                Eventually.await(WAIT, () -> broker.activity().connectedNow().contains(
                        new BrokerEvent.Subscribed("bavard", "classe/#", 1)), () -> broker.activity().connectedNow().toString());
                GraphModel late = new GraphModel("Broker", true,
                        id -> new ClientVertex(id, ClientVertex.Kind.OTHER, id), new Particles(40, 900));
                late.applyEvents(broker.activity().connectedNow(), 0);
                assertEquals(1, late.client("bavard").subscriptions().get("classe/#"));

                assertTrue(broker.disconnect("bavard").get(10, TimeUnit.SECONDS));
                Eventually.await(WAIT, () -> !broker.activity().connectedNow().stream()
                        .anyMatch(e -> e.clientId().equals("bavard")), "the client is gone");
                Eventually.await(WAIT, () -> !chatty.isConnected(), "the client saw the disconnect");
            } finally {
                chatty.close(true);
            }
        }
    }

    private static void awaitFrame(EmbeddedBroker broker, GraphModel model, java.util.function.BooleanSupplier done) {
        List<BrokerEvent> events = new ArrayList<>();
        long[] now = {1};
        Eventually.await(WAIT, () -> {
            events.clear();
            broker.activity().drain(events::add, 5_000);
            now[0] += 16_666_667L;
            model.applyEvents(events, now[0]);
            model.step(now[0]);
            return done.getAsBoolean();
        }, "graph did not reach the expected state");
    }
}
