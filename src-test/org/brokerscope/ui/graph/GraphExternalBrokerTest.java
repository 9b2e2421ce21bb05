package org.brokerscope.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.Message;
import org.brokerscope.graph.ClientVertex;
import org.brokerscope.graph.GraphModel;
import org.brokerscope.graph.Particles;
import org.brokerscope.graph.TopicVertex;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.sim.Measure;
import org.brokerscope.sim.SensorConnector;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.SensorSpec;
import org.brokerscope.sim.SimClock;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The graph of an external broker (a real Mosquitto) fed as the app feeds it: a watcher subscribed to
 * everything gives topic counts, and the app's virtual sensors, publishing to that Mosquitto, are known
 * clients with publisher edges. A stranger's client is never drawn; its topic has no publisher.
 */
class GraphExternalBrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SENSOR = "bs-maison-salon-temperature";

    private MosquittoBroker mosquitto;
    private BrokerConnection watcher;
    private BrokerConnection stranger;
    private SensorFleet fleet;
    private final Queue<Message> seen = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> counts = new HashMap<>();
    private long now = 1;

    @BeforeEach
    void start() throws Exception {
        mosquitto = MosquittoBroker.start();
        watcher = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "brokerscope-test"), seen::add);
        watcher.connect().get(10, TimeUnit.SECONDS);
        watcher.subscribe("#", 0).get(10, TimeUnit.SECONDS);
        stranger = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "stranger"), m -> { });
        stranger.connect().get(10, TimeUnit.SECONDS);
        fleet = new SensorFleet(ConnectionSettings.of(mosquitto.tcpUri(), "sensors"), SensorConnector.paho(),
                SimClock.realTime());
        fleet.add(SensorSpec.builder("maison", "salon", Measure.TEMPERATURE).interval(Duration.ofMillis(200)).build());
        fleet.add(SensorSpec.builder("maison", "cuisine", Measure.HUMIDITY).interval(Duration.ofMillis(200)).build());
    }

    @AfterEach
    void stop() {
        fleet.close();
        stranger.close();
        watcher.close();
        mosquitto.close();
    }

    @Test
    void theAppsOwnSensorsAreKnownPublishersAndAStrangerIsNot() throws Exception {
        fleet.startAll().get(20, TimeUnit.SECONDS);
        GraphModel graph = external();
        KnownClients known = new KnownClients(() -> Optional.of(fleet));
        // The URL as the status bar has it after a switch: another spelling of the same broker.
        String watched = "tcp://localhost:" + mosquitto.port();
        Eventually.await(WAIT, () -> {
            stranger.publish("jardin/pompe", "on".getBytes(), 0, false);
            frame(graph, known, watched);
            ClientVertex sensor = graph.client(SENSOR);
            return graph.topic("jardin/pompe") != null && sensor != null && sensor.messagesIn() > 0
                    && graph.topic("maison/cuisine/humidity") != null;
        }, "the sensors' readings and the stranger's message arrive");

        ClientVertex sensor = graph.client(SENSOR);
        TopicVertex temperature = graph.topic("maison/salon/temperature");
        assertEquals(ClientVertex.Kind.SENSOR, sensor.kind());
        assertTrue(sensor.publishedTo().contains(temperature), "publisher edge from the sensor to its topic");
        assertTrue(temperature.publishers().contains(sensor));
        assertTrue(graph.topic("maison/salon/temperature/status").publishers().contains(sensor), "and to its status");
        assertTrue(graph.topic("jardin/pompe").publishers().isEmpty(), "a stranger's topic has no publisher");
        assertNull(graph.client("stranger"), "no client is made up");
        assertEquals(3, graph.clients().size(), "this app and the two sensors");
        assertFalse(graph.knowsPublishers());

        fleet.stop(fleet.sensors().get(0).spec().id()).get(20, TimeUnit.SECONDS);
        frame(graph, known, watched);
        assertFalse(graph.client(SENSOR).connected(), "a stopped sensor is greyed");
    }

    @Test
    void sensorsPublishingToAnotherBrokerAreNotDrawn() throws Exception {
        fleet.startAll().get(20, TimeUnit.SECONDS);
        GraphModel graph = external();
        // The fleet publishes to this Mosquitto, but the graph shows a broker on another port.
        KnownClients known = new KnownClients(() -> Optional.of(fleet));
        Eventually.await(WAIT, () -> {
            frame(graph, known, "mqtt://127.0.0.1:" + (mosquitto.port() + 1));
            return graph.topic("maison/salon/temperature") != null;
        }, "the readings arrive");
        assertNull(graph.client(SENSOR));
        assertTrue(graph.topic("maison/salon/temperature").publishers().isEmpty());
    }

    @Test
    void brokerAddressesAreComparedByHostAndPort() {
        assertTrue(KnownClients.sameBroker("mqtt://127.0.0.1:1883", "tcp://localhost:1883"));
        assertTrue(KnownClients.sameBroker("tcp://127.0.0.1", "tcp://127.0.0.1:1883"));
        assertFalse(KnownClients.sameBroker("tcp://127.0.0.1:1883", "tcp://127.0.0.1:1884"));
        assertFalse(KnownClients.sameBroker("tcp://10.0.0.2:1883", "tcp://127.0.0.1:1883"));
        assertFalse(KnownClients.sameBroker("not a url", "not a url"), "nonsense matches nothing, and does not throw");
    }

    private static GraphModel external() {
        return GraphModel.external("Broker", new ClientVertex("brokerscope", ClientVertex.Kind.THIS_APP, "this app"),
                id -> new ClientVertex(id, id.startsWith("bs-") ? ClientVertex.Kind.SENSOR : ClientVertex.Kind.OTHER, id),
                new Particles(12, 300));
    }

    // What the view model does once per frame on an external broker, with the messages seen so far.
    private void frame(GraphModel graph, KnownClients known, String watched) {
        now += 16_666_667L;
        for (Message m = seen.poll(); m != null; m = seen.poll()) {
            long count = counts.merge(m.topic(), 1L, Long::sum);
            graph.applyTopic(m.topic(), count, now);
        }
        known.feed(graph, watched, now);
        graph.step(now);
    }
}
