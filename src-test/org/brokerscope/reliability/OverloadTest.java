package org.brokerscope.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.brokerscope.ingest.IngestStats;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ProtocolChoice;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream faster than the app can take, for at least 60 s ({@code -Dbrokerscope.overload.seconds}) and on
 * until the app has skipped (at most {@link #FLOOD_CAP_SECONDS}), into the Mosquitto the app's window watches.
 * The app must stay responsive, say how far behind it is and what it skipped, keep its heap bounded, and be
 * live again soon after the stream stops.
 *
 * <p>The stream comes from four {@code mosquitto_pub -l} processes fed by {@code yes}; Mosquitto's own
 * counter says afterwards what it took in. The publishers offer more than the app's one network reader takes,
 * and the backlog builds up in Mosquitto, where only the lag probe sees it.
 */
class OverloadTest {
    private static final int FLOOD_SECONDS = Integer.getInteger("brokerscope.overload.seconds", 60);
    // How fast the lag grows is the machine's doing: on quick CI machines the app took 39.6k msg/s, and the lag
    // reached the 10 s skip limit only as a 60 s flood ended (10,066 ms), or not within 90 s (8,456 ms). So the
    // flood goes on until the skip has shown, with this cap.
    private static final int FLOOD_CAP_SECONDS = 180;
    // Long enough for the status bar's skip label to be sampled before the flood is stopped.
    private static final int SECONDS_AFTER_SKIP = 3;
    private static final int PUBLISHERS = 4;
    // About 2 KB: with Paho's socket buffered the app took 200-byte messages at 30k/s here, nearly what four
    // publishers push through Mosquitto on 2 cores, and the lag peaked at 6.9 s with no skip. A JSON payload of
    // this size, common from real devices, costs the app's copies more than the broker's.
    private static final String PAYLOAD = "{\"temperature\":21.5,\"humidity\":48,\"co2\":612,\"battery\":87,"
            + "\"sensor\":\"flood\",\"note\":\"" + "overload test payload ".repeat(90) + "\"}";
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final long HEAP_LIMIT_MB = 512;
    // Not frozen: the issue asks for a responsive window; the flood's own processes share the 2 cores, so the
    // 100 ms of the restart test is not asked here.
    private static final double FROZEN_MS = 2_000;

    @TempDir
    static Path configDir;

    @Test
    void aFloodIsShownAsLagSkippedWithAnEstimateAndRecoveredFrom() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start(folder -> "allow_anonymous true\nsys_interval 1\n");
             FaultApp app = FaultApp.open(configDir)) {
            app.watch(ConnectionSettings.of(mosquitto.tcpUri(), "overload-monitor").withProtocol(ProtocolChoice.MQTT_5));
            Thread.sleep(1_000);
            long heapBefore = usedHeapMbAfterGc();
            app.frames().takeMaxMillis();
            Thread.sleep(3_000);
            double baselineFrameMax = app.frames().takeMaxMillis();

            List<Process> flood = new ArrayList<>();
            for (int i = 0; i < PUBLISHERS; i++) {
                // Stopping timeout stops its whole process group, yes and mosquitto_pub included.
                flood.add(new ProcessBuilder("timeout", String.valueOf(FLOOD_CAP_SECONDS), "bash", "-c",
                        "yes '" + PAYLOAD + "' | mosquitto_pub -h 127.0.0.1 -p "
                                + mosquitto.port() + " -t flood/" + i + " -l -q 0")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            Samples during;
            try {
                during = sample(app, flood);
            } finally {
                flood.forEach(Process::destroy);
            }
            for (Process p : flood) {
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "a flood process did not stop");
            }
            long floodEnded = System.nanoTime();

            // Sent again each time, as a sensor would: one sent while a skip reconnects is rightly part of the skip.
            Eventually.await(RECOVERY, () -> markerSent(mosquitto) && inModel(app, "overload/after/marker"),
                    () -> "a message sent after the flood did not show; " + app.backlogLabel() + "; "
                            + app.connectionLabel() + "; " + app.services().ingest().stats());
            long markerMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - floodEnded);
            Eventually.await(RECOVERY, () -> lag(app) >= 0 && lag(app) < 2_000,
                    () -> "still behind after the flood: " + app.backlogLabel());
            long liveMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - floodEnded);
            double recoveryFrameMax = app.frames().takeMaxMillis();
            IngestStats stats = app.services().ingest().stats();
            // What the broker took in, from its own counter: all it could have sent to the app (plus a few probes).
            long brokerReceived = brokerCounter(mosquitto, "$SYS/broker/publish/messages/received");
            long missed = brokerReceived - stats.received() - stats.dropped();
            // Mosquitto drops QoS 0 for a subscriber with about 1,000 packets waiting and tells it nothing; the
            // app shows the broker's own count. Only the app subscribes to the flood here, so it is all the app's.
            long brokerDropped = brokerCounter(mosquitto, "$SYS/broker/publish/messages/dropped");
            Eventually.await(Duration.ofSeconds(10), () -> app.services().ingest().stats().brokerDropped() == brokerDropped
                            && (brokerDropped == 0 || app.backlogLabel().contains("broker dropped")),
                    () -> "the app says the broker dropped " + app.services().ingest().stats().brokerDropped()
                            + ", the broker says " + brokerDropped + "; status bar '" + app.backlogLabel() + "'");

            System.out.println("FAULT overload floodSeconds=" + during.floodSeconds + " received=" + stats.received()
                    + " receivedPerSecondDuringFlood=" + during.receivedDuring / Math.max(1, during.floodSeconds)
                    + " brokerReceived=" + brokerReceived + " brokerDropped=" + brokerDropped + " missedByTheApp=" + missed + " dropped=" + stats.dropped() + " failed=" + stats.failed() + " skippedEstimate=" + stats.skipped()
                    + " maxLagMs=" + during.maxLagMillis + " labels='" + during.lagLabel + "' / '" + during.skipLabel + "'"
                    + " heapMbBefore=" + heapBefore + " heapMbMaxAfterGc=" + during.maxHeapMb
                    + " markerShownAfterFloodMs=" + markerMillis + " liveAfterFloodMs=" + liveMillis
                    + " baselineFrameMaxMs=" + baselineFrameMax + " floodFrameMaxMs=" + during.maxFrameMillis
                    + " recoveryFrameMaxMs=" + recoveryFrameMax);

            // The skip ends the lag at its 10 s limit, so a once-a-second sample may peak just under it (9.9 s seen
            // in CI): half the limit shows the flood outpaced the app; the skip itself is asserted below.
            assertTrue(during.maxLagMillis > 5_000, "the flood must outpace the app for this test to mean anything;"
                    + " the lag peaked at " + during.maxLagMillis + " ms");
            assertTrue(during.lagLabel.contains("behind the broker"), "the status bar never said how far behind");
            assertTrue(stats.skipped() > 0 && during.skipLabel.contains("skipped"),
                    "more than 10 s behind, the app skips the broker's backlog and says so: '" + during.skipLabel
                            + "', lag peaked at " + during.maxLagMillis + " ms, estimate " + stats.skipped());
            assertTrue(stats.skipped() <= missed, "the estimate must not claim more skipped (" + stats.skipped()
                    + ") than the app missed (" + missed + ")");
            assertTrue(brokerDropped <= missed, "the broker cannot have dropped more (" + brokerDropped
                    + ") than the app missed (" + missed + ")");
            assertTrue(app.backlogFitsTheWindow(), "the status bar's counters widened the window past its edge: '"
                    + app.backlogLabel() + "'");
            assertEquals(0, stats.failed(), "no model failed on a message");
            assertTrue(during.maxHeapMb < HEAP_LIMIT_MB, "heap after GC reached " + during.maxHeapMb + " MB");
            // Like the restart test, against the frames of this machine just before: another build on the same 2
            // cores stalls every window for seconds, the app's own work or not.
            double allowed = Math.max(FROZEN_MS, baselineFrameMax + FROZEN_MS);
            assertTrue(during.maxFrameMillis < allowed && recoveryFrameMax < allowed, "the window froze: "
                    + during.maxFrameMillis + " ms during, " + recoveryFrameMax + " ms after, allowed " + allowed
                    + " ms (longest frame before the flood " + baselineFrameMax + " ms)");
        }
    }

    private static Samples sample(FaultApp app, List<Process> flood) throws InterruptedException {
        Samples s = new Samples();
        long receivedBefore = app.services().ingest().stats().received();
        int second = 0;
        int skipSeenAt = -1;
        while (flood.stream().anyMatch(Process::isAlive)) {
            Thread.sleep(1_000);
            second++;
            s.maxLagMillis = Math.max(s.maxLagMillis, lag(app));
            String label = app.backlogLabel();
            if (label.contains("behind the broker")) {
                s.lagLabel = label;
            }
            if (label.contains("skipped")) {
                s.skipLabel = label;
                skipSeenAt = skipSeenAt < 0 ? second : skipSeenAt;
            }
            if (second % 10 == 0) {
                s.maxFrameMillis = Math.max(s.maxFrameMillis, app.frames().takeMaxMillis());
                s.maxHeapMb = Math.max(s.maxHeapMb, usedHeapMbAfterGc());
                app.frames().takeMaxMillis(); // the test's own full GC stops the FX thread too: not the app's doing
            }
            if (second >= FLOOD_SECONDS && skipSeenAt >= 0 && second >= skipSeenAt + SECONDS_AFTER_SKIP) {
                flood.forEach(Process::destroy);
            }
        }
        s.floodSeconds = second;
        s.maxFrameMillis = Math.max(s.maxFrameMillis, app.frames().takeMaxMillis());
        s.receivedDuring = app.services().ingest().stats().received() - receivedBefore;
        return s;
    }

    private static long brokerCounter(MosquittoBroker mosquitto, String topic) throws Exception {
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(mosquitto.port()),
                "-t", topic, "-C", "1", "-W", "10").redirectErrorStream(true).start();
        String out = new String(sub.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertTrue(sub.waitFor(15, TimeUnit.SECONDS), "mosquitto_sub did not end");
        return Long.parseLong(out);
    }

    private static boolean markerSent(MosquittoBroker mosquitto) {
        try {
            MosquittoBroker.run("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(mosquitto.port()),
                    "-t", "overload/after/marker", "-m", "live");
            Thread.sleep(200);
            return true;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean inModel(FaultApp app, String topic) {
        try {
            return app.services().ingest().query(t -> t.find(topic).isPresent()).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private static long lag(FaultApp app) {
        return app.services().ingest().stats().lagMillis();
    }

    private static long usedHeapMbAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static final class Samples {
        long maxLagMillis = -1;
        long maxHeapMb;
        double maxFrameMillis;
        long receivedDuring;
        int floodSeconds;
        String lagLabel = "";
        String skipLabel = "";
    }
}
