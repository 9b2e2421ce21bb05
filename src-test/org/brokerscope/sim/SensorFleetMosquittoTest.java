package org.brokerscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brokerscope.domain.Message;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.sim.scenario.Scenarios;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.testing.ThreadWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Virtual sensors against a real Mosquitto, watched by a separate client subscribed to everything. */
class SensorFleetMosquittoTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern JSON = Pattern.compile(
            "\\{\"value\":(-?[0-9.]+),\"unit\":\"(hPa|%|°C|lx)\",\"timestamp\":\"(\\d{4})-[0-9T:.\\-]+Z\"}");

    private MosquittoBroker broker;
    private BrokerConnection watcher;
    private final Queue<Message> seen = new ConcurrentLinkedQueue<>();
    private SensorFleet fleet;

    @BeforeEach
    void startBrokerAndWatcher() throws Exception {
        broker = MosquittoBroker.start();
        watcher = new PahoV5Connection(ConnectionSettings.of(broker.tcpUri(), "watcher"), seen::add);
        watcher.connect().get(10, TimeUnit.SECONDS);
        watcher.subscribe("#", 1).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopAll() {
        if (fleet != null) {
            fleet.close();
        }
        watcher.close();
        broker.close();
    }

    @Test
    void aScenariosTopicsAndPayloadsArriveAsConfiguredWithSimulatedTimestamps() {
        // 2030, an hour of simulated time per real second: the timestamps must show both.
        fleet = newFleet(new SimClock(Clock.systemUTC(), Instant.parse("2030-01-07T06:00:00Z"), 3_600));
        Scenarios.weatherStation(1).sensors().forEach(s -> fleet.add(s.toBuilder().interval(Duration.ofMillis(200)).build()));
        fleet.add(SensorSpec.builder("maison", "salon", Measure.CO2).qos(1).retain(true).build());
        fleet.startAll();

        for (String measure : List.of("temperature", "humidity", "pressure", "light", "battery")) {
            String topic = "meteo/station/" + measure;
            Eventually.await(WAIT, () -> last(topic) != null, topic + " arrives");
            Matcher m = JSON.matcher(text(last(topic)));
            assertTrue(m.matches(), topic + " sent " + text(last(topic)));
            assertEquals("2030", m.group(3));
            assertEquals("online", text(last(topic + "/status")));
        }
        Eventually.await(WAIT, () -> last("maison/salon/co2") != null, "the plain CO2 reading arrives");
        assertTrue(text(last("maison/salon/co2")).matches("\\d{3,4}"), text(last("maison/salon/co2")));
        assertRetained("maison/salon/co2/status", "online");
        assertTrue(retainedValue("maison/salon/co2").matches("\\d{3,4}"), "the reading is kept by the broker");
    }

    @Test
    void theBrokerPublishesTheLastWillWhenTheSensorsConnectionDiesAndTheSensorComesBack() throws Exception {
        fleet = newFleet(SimClock.realTime());
        VirtualSensor sensor = fleet.add(SensorSpec.builder("maison", "salon", Measure.TEMPERATURE).build());
        fleet.startAll();
        Eventually.await(WAIT, () -> "online".equals(text(last("maison/salon/temperature/status"))), "birth message");
        seen.clear();

        // Another client takes the sensor's client ID: the broker drops the sensor's connection uncleanly.
        try (BrokerConnection thief = new PahoV5Connection(
                ConnectionSettings.of(broker.tcpUri(), sensor.clientId()), m -> { })) {
            thief.connect().get(10, TimeUnit.SECONDS);
            Eventually.await(WAIT, () -> "offline".equals(text(last("maison/salon/temperature/status"))),
                    "the Last Will says offline");
        }
        assertRetained("maison/salon/temperature/status", "offline");
        seen.clear();
        Eventually.await(WAIT, () -> "online".equals(text(last("maison/salon/temperature/status"))),
                "the sensor reconnects and says online again");
    }

    @Test
    void stoppingPublishesOfflineAndEndsTheReadings() throws Exception {
        fleet = newFleet(SimClock.realTime());
        fleet.add(SensorSpec.builder("maison", "cuisine", Measure.HUMIDITY).interval(Duration.ofMillis(200)).build());
        fleet.startAll();
        Eventually.await(WAIT, () -> last("maison/cuisine/humidity") != null, "readings arrive");

        fleet.stopAll().get(20, TimeUnit.SECONDS);

        Eventually.await(WAIT, () -> "offline".equals(text(last("maison/cuisine/humidity/status"))), "offline on stop");
        assertRetained("maison/cuisine/humidity/status", "offline");
        assertEquals(SensorState.STOPPED, fleet.statuses().getFirst().state());
        long readings = count("maison/cuisine/humidity");
        Thread.sleep(1_000); // the absence of readings can only be shown by waiting
        assertEquals(readings, count("maison/cuisine/humidity"), "no reading after stop");
    }

    @Test
    void faultInjectionProducesWhatItSays() {
        // Mid-day, so the heated room sits at 21-22 °C: at night its set-back puts it near 17 °C and a spike up
        // lands at 25 °C, which no fixed band around 21 °C tells apart from a warm room.
        fleet = newFleet(new SimClock(Clock.systemUTC(), Instant.parse("2030-01-07T12:00:00Z"), 1));
        SensorSpec.Builder base = SensorSpec.builder("lab", "bench", Measure.TEMPERATURE).interval(Duration.ofMillis(100));
        fleet.add(base.id("spiky").topic("lab/spiky").faults(new FaultSettings(0, 1, 0, 0, 0)).build());
        fleet.add(base.id("stuck").topic("lab/stuck").faults(new FaultSettings(0, 0, 1, 0, 0)).build());
        fleet.add(base.id("garbled").topic("lab/garbled").faults(new FaultSettings(0, 0, 0, 0, 1)).build());
        fleet.add(base.id("silent").topic("lab/silent").faults(new FaultSettings(1, 0, 0, 0, 0)).build());
        fleet.startAll();
        Eventually.await(WAIT, () -> count("lab/spiky") >= 21 && count("lab/stuck") >= 21 && count("lab/garbled") >= 5,
                "readings from the faulty sensors");

        // Every spike is 8 °C off the room's 21-22 °C.
        values("lab/spiky").forEach(v -> assertTrue(Math.abs(Double.parseDouble(v) - 21) > 4, "spike " + v));
        List<String> stuck = values("lab/stuck").subList(0, FaultSettings.STUCK_READINGS + 1);
        assertEquals(1, stuck.stream().distinct().count(), "stuck for 21 readings: " + stuck);
        for (Message m : messages("lab/garbled")) {
            assertTrue(isNotUtf8(m.payload()), "garbled: " + text(m));
        }
        assertEquals("online", text(last("lab/silent/status")), "the silent sensor is connected");
        assertEquals(0, count("lab/silent"), "but every reading was dropped");
        assertTrue(fleet.find("silent").orElseThrow().status().dropped() > 10);
    }

    @Test
    void eventsArePublishedOnlyWhenTheyChange() {
        // A classroom at 9:00 on a Monday, an hour of simulated time per second: motion comes and goes.
        fleet = newFleet(new SimClock(Clock.systemUTC(), Instant.parse("2030-01-07T09:00:00Z"), 60));
        fleet.add(SensorSpec.builder("classe", "desk01", Measure.MOTION).occupancy(Occupancy.CLASSROOM)
                .interval(Duration.ofMillis(100)).seed(3).build());
        fleet.startAll();
        Eventually.await(WAIT, () -> count("classe/desk01/motion") >= 6, () -> "motion changes: " + values("classe/desk01/motion"));

        List<String> changes = values("classe/desk01/motion");
        for (int i = 1; i < changes.size(); i++) {
            assertTrue(!changes.get(i).equals(changes.get(i - 1)), "a repeat at " + i + ": " + changes);
        }
        long readings = fleet.find("desk01-motion").orElseThrow().status().published();
        assertTrue(changes.stream().allMatch(v -> v.equals("0") || v.equals("1")), changes.toString());
        assertTrue(readings < 10L * changes.size(), "only changes are sent, not every reading");
    }

    @Test
    void aClosedFleetLeavesNoThreadsBehind() throws Exception {
        ThreadWatch watch = ThreadWatch.snapshot();
        fleet = newFleet(SimClock.realTime());
        Scenarios.house("maison", 5, 1).sensors().forEach(fleet::add);
        fleet.startAll().get(20, TimeUnit.SECONDS);
        Eventually.await(WAIT, () -> count("maison/piece5/light") > 0 || count("maison/salle-de-bain/light") > 0,
                "the fifth room publishes");

        fleet.close();
        fleet = null;
        // The JDK starts its virtual-thread scheduler, I/O poller and timer once per process and keeps them.
        watch.awaitNoneLeft(Duration.ofSeconds(10), t -> !t.getName().matches(
                "ForkJoinPool.*|MasterPoller|VirtualThread-unblocker|.*-Poller"), "threads of a closed fleet of 20 sensors");
    }

    @Test
    void aSensorThatCannotConnectKeepsTryingUntilTheBrokerIsBack() throws Exception {
        watcher.close();
        broker.stop();
        fleet = newFleet(SimClock.realTime());
        fleet.add(SensorSpec.builder("maison", "salon", Measure.TEMPERATURE).build());
        fleet.startAll().get(20, TimeUnit.SECONDS);
        assertEquals(SensorState.FAILED, fleet.statuses().getFirst().state());
        assertTrue(fleet.statuses().getFirst().error().isPresent(), "the reason is kept for the view");

        broker.restart();
        watcher = new PahoV5Connection(ConnectionSettings.of(broker.tcpUri(), "watcher-2"), seen::add);
        watcher.connect().get(10, TimeUnit.SECONDS);
        watcher.subscribe("#", 1).get(10, TimeUnit.SECONDS);
        Eventually.await(WAIT, () -> last("maison/salon/temperature") != null, "readings once the broker is back");
        assertEquals(SensorState.RUNNING, fleet.statuses().getFirst().state());
    }

    private SensorFleet newFleet(SimClock clock) {
        return new SensorFleet(ConnectionSettings.of(broker.tcpUri(), "unused"), SensorConnector.paho(), clock);
    }

    private void assertRetained(String topic, String expected) {
        assertEquals(expected, retainedValue(topic), topic + " retained");
    }

    /** What a newcomer subscribing now receives as the retained message. */
    private String retainedValue(String topic) {
        Queue<Message> got = new ConcurrentLinkedQueue<>();
        try (BrokerConnection late = new PahoV5Connection(ConnectionSettings.of(broker.tcpUri(), "late-" + System.nanoTime()),
                got::add)) {
            late.connect().get(10, TimeUnit.SECONDS);
            late.subscribe(topic, 1).get(10, TimeUnit.SECONDS);
            Eventually.await(WAIT, () -> got.stream().anyMatch(Message::retained), "a retained message on " + topic);
            return text(got.stream().filter(Message::retained).findFirst().orElseThrow());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<Message> messages(String topic) {
        return seen.stream().filter(m -> m.topic().equals(topic) && !m.retained()).toList();
    }

    private List<String> values(String topic) {
        return messages(topic).stream().map(SensorFleetMosquittoTest::text).toList();
    }

    private long count(String topic) {
        return messages(topic).size();
    }

    private Message last(String topic) {
        List<Message> all = seen.stream().filter(m -> m.topic().equals(topic)).toList();
        return all.isEmpty() ? null : all.getLast();
    }

    private static String text(Message m) {
        return m == null ? null : new String(m.payload(), StandardCharsets.UTF_8);
    }

    private static boolean isNotUtf8(byte[] payload) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }
}
