package org.brokerscope.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.ProtocolChoice;
import org.brokerscope.sim.Measure;
import org.brokerscope.sim.PayloadFormat;
import org.brokerscope.sim.SensorConnector;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.SensorSpec;
import org.brokerscope.sim.SimClock;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Mosquitto restarted ten times on its port while 100 virtual sensors publish QoS 1 readings at
 * 1,000 msg/s in total and the app's window is open, watching it with a persistent session. Each time the
 * app must come back, receive new readings, and keep its frames short; at the end every reading the
 * sensors published is either in the app's model or reported as failed, with the reason, on the sensor
 * side. The broker keeps its state across restarts (persistence), as a production broker does: without it
 * the messages queued for the app die with the process, and nobody could report them.
 */
class BrokerRestartUnderLoadTest {
    private static final int RESTARTS = 10;
    private static final int SENSORS = 100;
    private static final Duration WAIT = Duration.ofSeconds(30);
    // ConnectionLifecycle takes four sessions in a row shorter than this for a client-ID takeover.
    private static final long SESSION_MILLIS = 10_500;
    private static final long BASELINE_MILLIS = 6_000;
    private double baselineFrameMax;

    @TempDir
    static Path configDir;

    @Test
    void everyRestartIsSurvivedAndEveryReadingIsAccountedFor() throws Exception {
        PublishLedger ledger = new PublishLedger();
        List<Long> reconnectMillis = new ArrayList<>();
        List<Double> frameMaxMillis = new ArrayList<>();
        try (MosquittoBroker mosquitto = MosquittoBroker.startPersistent();
             FaultApp app = FaultApp.open(configDir)) {
            app.services().ingest().observe(ledger::delivered);
            app.watch(ConnectionSettings.of(mosquitto.tcpUri(), "fault-monitor").withProtocol(ProtocolChoice.MQTT_5)
                    .withPersistentSession(600));
            try (SensorFleet fleet = fleet(mosquitto, ledger)) {
                fleet.startAll().get(60, TimeUnit.SECONDS);
                Eventually.await(WAIT, () -> ledger.deliveredReadings() > 1_000, "readings reach the app");
                // The same load without restarts first: how long frames get on this machine anyway.
                app.frames().takeMaxMillis();
                Thread.sleep(BASELINE_MILLIS);
                baselineFrameMax = app.frames().takeMaxMillis();
                long connectedAt = System.nanoTime();
                for (int round = 1; round <= RESTARTS; round++) {
                    sleepUntil(connectedAt + TimeUnit.MILLISECONDS.toNanos(SESSION_MILLIS));
                    long down = System.nanoTime();
                    mosquitto.restart();
                    Eventually.await(WAIT, () -> app.state() != ConnectionState.CONNECTED, "the app noticed the restart");
                    Eventually.await(WAIT, () -> app.state() == ConnectionState.CONNECTED,
                            () -> "no reconnect; the app says " + app.connectionLabel());
                    connectedAt = System.nanoTime();
                    reconnectMillis.add(TimeUnit.NANOSECONDS.toMillis(connectedAt - down));
                    Set<String> before = ledger.publishedKeys();
                    Eventually.await(WAIT, () -> ledger.anyDeliveredOutside(before), "no new reading after restart");
                    frameMaxMillis.add(app.frames().takeMaxMillis());
                }
            }
            // The fleet is closed: every publish has its answer. Then the broker may still be handing over
            // what it queued for the app.
            Eventually.await(WAIT, () -> ledger.pending() == 0, () -> ledger.pending() + " publishes without an answer");
            Eventually.await(WAIT, () -> ledger.ackedNotDelivered() == 0, () -> report(ledger, app, reconnectMillis, frameMaxMillis));
            System.out.println(report(ledger, app, reconnectMillis, frameMaxMillis));
            assertEquals(RESTARTS, reconnectMillis.size());
            assertEquals(0, app.services().ingest().stats().dropped(), "the app shed readings at 1,000 msg/s");
            assertEquals(0, app.services().ingest().stats().failed());
            FaultApp.FrameWatch.assertResponsive(frameMaxMillis.stream().mapToDouble(d -> d).max().orElseThrow(),
                    baselineFrameMax, "restarts " + frameMaxMillis);
        }
    }

    private static SensorFleet fleet(MosquittoBroker mosquitto, PublishLedger ledger) {
        SensorFleet fleet = new SensorFleet(ConnectionSettings.of(mosquitto.tcpUri(), "sensors")
                .withProtocol(ProtocolChoice.MQTT_5), ledger.wrap(SensorConnector.paho()), SimClock.realTime());
        for (int i = 0; i < SENSORS; i++) {
            // 100 sensors every 100 ms (the shortest interval a sensor allows): 1,000 msg/s.
            fleet.add(SensorSpec.builder("fault", "room" + i % 10, Measure.TEMPERATURE).id("s" + i)
                    .topic("{site}/{room}/{id}").interval(Duration.ofMillis(100)).format(PayloadFormat.JSON)
                    .qos(1).seed(i).build());
        }
        return fleet;
    }

    private String report(PublishLedger ledger, FaultApp app, List<Long> reconnects, List<Double> frames) {
        List<Long> sorted = reconnects.stream().sorted().toList();
        return "FAULT restarts=" + reconnects.size() + " reconnectMs=" + reconnects
                + (sorted.isEmpty() ? "" : " min=" + sorted.get(0) + " median=" + sorted.get(sorted.size() / 2)
                + " max=" + sorted.get(sorted.size() - 1))
                + " baselineFrameMaxMs=" + baselineFrameMax + " frameMaxMs=" + frames + " published=" + ledger.published() + " outcomes=" + ledger.byOutcome()
                + " deliveredReadings=" + ledger.deliveredReadings() + " ackedNotDelivered=" + ledger.ackedNotDelivered()
                + " failedButDelivered=" + ledger.failedButDelivered() + " duplicates=" + ledger.duplicates()
                + " ingest=" + app.services().ingest().stats();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
