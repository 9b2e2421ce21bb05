package org.brokerscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.brokerscope.domain.Topics;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.mqtt.ProtocolChoice;
import org.brokerscope.mqtt.Subscription;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lag probe's round trip through a real Mosquitto and the ingest thread, and when the watch decides to
 * skip. The skip itself (a new session) is {@code AppServices}' part, tested end to end in the overload test;
 * here the backlog is a counter.
 */
class LagWatchMosquittoTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final LagWatch.Limits FAST = new LagWatch.Limits(Duration.ofMillis(1_000), Duration.ofMillis(300),
            Duration.ZERO);

    private MosquittoBroker mosquitto;
    private IngestPipeline pipeline;
    private PahoV5Connection monitor;
    private PahoV5Connection publisher;
    private final LagProbe probe = new LagProbe("watch-test");
    private final AtomicInteger skips = new AtomicInteger();
    private final java.util.List<Long> skipTimes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long slowMillis;

    @BeforeEach
    void start() throws Exception {
        mosquitto = MosquittoBroker.start();
        pipeline = IngestPipeline.withDefaults().measureLagWith(probe).observe(m -> pause()).start();
        monitor = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "watch-monitor")
                .withProtocol(ProtocolChoice.MQTT_5), pipeline);
        monitor.connect().get(10, TimeUnit.SECONDS);
        monitor.subscribe(Subscription.of("#", 0)).get(10, TimeUnit.SECONDS);
        publisher = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "watch-publisher"), m -> { });
        publisher.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        for (AutoCloseable part : new AutoCloseable[] {publisher, monitor, pipeline, mosquitto}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aProbeComesBackThroughTheBrokerAndStaysOutOfTheTree() throws Exception {
        LagWatch watch = watch();
        watch.tick(); // sees the connection: subscribes the probe's topic and sends one
        Eventually.await(WAIT, probe::answered, "the probe never came back through Mosquitto");
        IngestStats stats = pipeline.stats();
        assertTrue(stats.lagMillis() >= 0 && stats.lagMillis() < 1_000, "lag " + stats.lagMillis() + " ms on an idle broker");
        assertEquals(0, stats.received(), "the probe is the app's own traffic, not a received message");
        assertEquals(0, stats.topicCount());
        assertFalse(pipeline.query(t -> t.find(probe.topic()).isPresent()).get(5, TimeUnit.SECONDS),
                "the probe must not appear in the topic tree");
        assertTrue(monitor.subscriptions().stream().anyMatch(s -> Topics.isLagProbe(s.filter())),
                "the probe's subscription is made again after a reconnect, like the others");
    }

    @Test
    void fallingBehindShowsAGrowingLagAndSkipsAtWideningIntervalsUntilCaughtUp() throws Exception {
        // The backlog here sits in the app's own queue, not in the broker, so the skip's estimate (the rate the
        // app received at, times the lag) is rightly about nothing; OverloadTest checks it against a real one.
        LagWatch watch = watch();
        watch.tick();
        Eventually.await(WAIT, probe::answered, "the probe never came back");
        slowMillis = 5; // 5 ms a message: 1,000 messages are 5 s of work for the ingest thread
        int count = 1_000;
        for (int i = 0; i < count; i++) {
            publisher.publish("slow/" + (i % 10), Integer.toString(i).getBytes(StandardCharsets.UTF_8), 0, false);
        }
        long maxLag = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && (pipeline.stats().applied() < count || pipeline.stats().lagMillis() > 300)) {
            maxLag = Math.max(maxLag, pipeline.stats().lagMillis()); // before the tick: a skip resets the probe
            watch.tick();
            Thread.sleep(200);
        }
        IngestStats stats = pipeline.stats();
        System.out.println("LAG watch maxLagMs=" + maxLag + " skips=" + skips.get() + " skippedEstimate=" + stats.skipped()
                + " applied=" + stats.applied());
        assertEquals(count, stats.applied(), "every message reaches the model: the skip here only counts");
        // Sampled every 200 ms and reset by the skip at 1 s, so the largest sample seen is somewhat lower.
        assertTrue(maxLag > 500, "the lag must grow while the model is behind; it peaked at " + maxLag + " ms");
        // Nothing is really skipped here (no reconnect), so the app stays behind and the watch may skip again,
        // but only after waiting twice as long each time: 1 s (the limit), then 2 s, 4 s...
        assertTrue(skips.get() >= 1, "no skip, more than the limit behind");
        for (int i = 1; i < skipTimes.size(); i++) {
            long gapMillis = (skipTimes.get(i) - skipTimes.get(i - 1)) / 1_000_000;
            assertTrue(gapMillis >= 1_000L << (i - 1), "skip " + (i + 1) + " came " + gapMillis + " ms after the one before");
        }
        assertTrue(stats.skipped() >= 0, "an estimate is never negative, though probes waiting in the queue step the count back");

        watch.tick();
        Eventually.await(WAIT, () -> {
            watch.tick();
            return probe.answered() && pipeline.stats().lagMillis() < 300;
        }, "not live again after the backlog drained");
    }

    @Test
    void aKeptSessionIsNeverSkipped() throws Exception {
        LagWatch watch = watch(false);
        watch.tick();
        Eventually.await(WAIT, probe::answered, "the probe never came back");
        slowMillis = 5;
        for (int i = 0; i < 600; i++) {
            publisher.publish("slow/" + i, new byte[] {1}, 0, false);
        }
        Eventually.await(WAIT, () -> {
            watch.tick();
            return pipeline.stats().lagMillis() > 1_500;
        }, "the lag never grew");
        watch.tick();
        assertEquals(0, skips.get());
        assertEquals(0, pipeline.stats().skipped());
    }

    private LagWatch watch() {
        return watch(true);
    }

    private LagWatch watch(boolean cleanSession) {
        return new LagWatch(probe, pipeline, () -> Optional.of((BrokerConnection) monitor), new LagWatch.Backlog() {
            @Override
            public boolean skippable() {
                return cleanSession;
            }

            @Override
            public void skip() {
                skips.incrementAndGet();
                skipTimes.add(System.nanoTime());
            }
        }, FAST);
    }

    private void pause() {
        long ms = slowMillis;
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
