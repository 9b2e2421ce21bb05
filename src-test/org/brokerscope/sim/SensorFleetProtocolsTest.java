package org.brokerscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.Message;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV3Connection;
import org.brokerscope.mqtt.ProtocolChoice;
import org.brokerscope.testing.AedesBroker;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sensors on an MQTT 3.1.1-only broker (aedes), in Auto and in 3.1.1 mode, and removing sensors, which
 * clears their retained status, on Mosquitto.
 */
class SensorFleetProtocolsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(value = ProtocolChoice.class, names = {"AUTO", "MQTT_3_1_1"})
    void sensorsWorkOnABrokerThatSpeaksOnlyMqtt311(ProtocolChoice protocol) throws Exception {
        Queue<Message> seen = new ConcurrentLinkedQueue<>();
        try (AedesBroker aedes = AedesBroker.start();
             BrokerConnection watcher = v3(aedes.tcpUri(), "watcher", seen);
             SensorFleet fleet = new SensorFleet(ConnectionSettings.of(aedes.tcpUri(), "unused").withProtocol(protocol),
                     SensorConnector.paho(), SimClock.realTime())) {
            watcher.subscribe("#", 1).get(10, TimeUnit.SECONDS);
            VirtualSensor sensor = fleet.add(SensorSpec.builder("maison", "salon", Measure.TEMPERATURE)
                    .interval(Duration.ofMillis(200)).build());
            fleet.startAll().get(20, TimeUnit.SECONDS);

            Eventually.await(WAIT, () -> values(seen, "maison/salon/temperature").size() >= 3, "values arrive");
            values(seen, "maison/salon/temperature").forEach(v -> assertTrue(v.matches("-?\\d+\\.\\d"), v));
            assertEquals(List.of("online"), retained(aedes.tcpUri(), "maison/salon/temperature/status"),
                    "the birth message is retained");

            // Another client takes the sensor's client ID: aedes drops the sensor's connection uncleanly.
            seen.clear();
            try (BrokerConnection thief = v3(aedes.tcpUri(), sensor.clientId(), new ConcurrentLinkedQueue<>())) {
                Eventually.await(WAIT, () -> values(seen, "maison/salon/temperature/status").contains("offline"),
                        "the Last Will says offline");
            }
            Eventually.await(WAIT, () -> fleet.statuses().getFirst().state() == SensorState.RUNNING
                    && values(seen, "maison/salon/temperature/status").contains("online"), "back online after the loss");
        }
    }

    @Test
    void removingASensorClearsItsRetainedStatusWhetherItRunsOrNot() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start();
             SensorFleet fleet = new SensorFleet(ConnectionSettings.of(broker.tcpUri(), "unused"),
                     SensorConnector.paho(), SimClock.realTime())) {
            fleet.add(SensorSpec.builder("maison", "salon", Measure.TEMPERATURE).retain(true).build());
            fleet.add(SensorSpec.builder("maison", "cuisine", Measure.HUMIDITY).build());
            fleet.startAll().get(20, TimeUnit.SECONDS);
            Eventually.await(WAIT, () -> retained(broker.tcpUri(), "maison/#").size() == 3, "readings and statuses");
            fleet.stop("cuisine-humidity").get(20, TimeUnit.SECONDS);
            assertEquals(List.of("offline"), retained(broker.tcpUri(), "maison/cuisine/humidity/status"), "stop leaves offline");

            fleet.remove("salon-temperature").get(20, TimeUnit.SECONDS); // running: cleared on its own connection
            fleet.removeRoom("cuisine").get(20, TimeUnit.SECONDS); // stopped: connects once to clear

            assertEquals(List.of(), fleet.sensors());
            assertEquals(List.of(), retained(broker.tcpUri(), "maison/#"), "nothing retained is left");
        }
    }

    private static BrokerConnection v3(String uri, String clientId, Queue<Message> sink) throws Exception {
        BrokerConnection c = new PahoV3Connection(ConnectionSettings.of(uri, clientId)
                .withProtocol(ProtocolChoice.MQTT_3_1_1), sink::add);
        c.connect().get(10, TimeUnit.SECONDS);
        return c;
    }

    /** The retained payloads a newcomer receives on {@code filter}, after giving the broker 2 s to send them. */
    private static List<String> retained(String uri, String filter) {
        Queue<Message> got = new ConcurrentLinkedQueue<>();
        try (BrokerConnection late = v3(uri, "late-" + System.nanoTime(), got)) {
            late.subscribe(filter, 1).get(10, TimeUnit.SECONDS);
            Thread.sleep(2_000); // retained messages come right after the SUBACK; only waiting shows there are no more
            return got.stream().filter(Message::retained).map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList();
        } catch (Exception e) {
            throw new AssertionError("cannot read the retained messages on " + filter, e);
        }
    }

    private static List<String> values(Queue<Message> seen, String topic) {
        return seen.stream().filter(m -> m.topic().equals(topic))
                .map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList();
    }
}
