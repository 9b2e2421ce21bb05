package org.brokerscope.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.PayloadPreview;
import org.brokerscope.domain.PayloadText;
import org.brokerscope.domain.rooms.Readings;
import org.brokerscope.domain.rooms.RoomSnapshots;
import org.brokerscope.domain.rooms.RoomsModel;
import org.brokerscope.domain.rooms.TopicMapper;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.ingest.rooms.RoomsFeed;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.reliability.FuzzPayloads.Fuzz;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.ui.topics.InspectorProbe;
import org.junit.jupiter.api.Test;

/**
 * Over 10,000 generated payloads (fixed seed) through a real Mosquitto into the app's ingest path, the
 * rooms model hooked on it as the app hooks it, then each received message through the payload decoder,
 * the room parser and the inspector's view model in every mode. Nothing may throw, nothing may be lost,
 * and every payload that holds no number must be counted unreadable.
 */
class PayloadFuzzTest {
    private static final String TOPIC = "fuzz/lab/temperature";
    // Under Mosquitto's default of 20 in-flight QoS 1 messages per client: Paho refuses to go past it.
    private static final int IN_FLIGHT = 16;

    @Test
    void everyGeneratedPayloadIsTakenDecodedAndJudgedWithoutAnException() throws Exception {
        List<Fuzz> sent = FuzzPayloads.generate();
        assertTrue(sent.size() >= 10_000, "payloads: " + sent.size());
        ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        RoomsFeed rooms = new RoomsFeed(new RoomsModel(RoomsModel.Options.defaults()), scheduler, Clock.systemUTC(), Optional::empty);
        try (UncaughtExceptions uncaught = new UncaughtExceptions();
             MosquittoBroker mosquitto = MosquittoBroker.start();
             IngestPipeline pipeline = IngestPipeline.withDefaults().observe(rooms).observe(received::add).start();
             PahoV5Connection monitor = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "fuzz-monitor"), pipeline);
             PahoV5Connection publisher = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "fuzz-publisher"), m -> { })) {
            monitor.connect().get(20, TimeUnit.SECONDS);
            monitor.subscribe("#", 1).get(20, TimeUnit.SECONDS);
            publisher.connect().get(20, TimeUnit.SECONDS);
            long start = System.nanoTime();
            publishAll(publisher, sent);
            Eventually.await(Duration.ofSeconds(90), () -> pipeline.stats().applied() + pipeline.stats().dropped() >= sent.size(),
                    () -> "stats " + pipeline.stats());
            long deliveredMs = (System.nanoTime() - start) / 1_000_000;

            assertEquals(sent.size(), received.size(), "received == sent: nothing silently dropped; stats " + pipeline.stats());
            assertEquals(0, pipeline.stats().dropped());
            assertEquals(0, pipeline.stats().failed(), "a model threw on a message");

            List<String> failures = new ArrayList<>();
            Map<String, Integer> modes = new java.util.TreeMap<>();
            InspectorProbe inspector = new InspectorProbe(pipeline);
            int i = 0;
            for (Message m : received) {
                Fuzz f = sent.get(i++);
                check(f, m, inspector, failures, modes);
            }
            rooms.refresh();
            long expectedUnreadable = sent.stream().filter(f -> !f.number()).count();
            RoomSnapshots.Unreadable counted = rooms.snapshot().unreadable().stream()
                    .filter(u -> u.topic().equals(TOPIC)).findFirst().orElseThrow();
            System.out.printf("fuzz: %d payloads (%d without a number) delivered in %d ms; inspector modes %s; "
                    + "uncaught %d; failures %d%n", sent.size(), expectedUnreadable, deliveredMs, modes,
                    uncaught.seen().size(), failures.size());
            assertEquals(List.of(), failures.stream().limit(20).toList(), failures.size() + " payloads misjudged or threw");
            assertEquals(expectedUnreadable, counted.count(), "the rooms model counts every payload without a number");
            assertEquals(List.of(), uncaught.seen(), "uncaught exceptions");
        } finally {
            rooms.close();
            scheduler.shutdownNow();
        }
    }

    // QoS 1 with a window: fast, and the broker acknowledges each one, so a loss cannot be the publisher's.
    private static void publishAll(PahoV5Connection publisher, List<Fuzz> sent) throws Exception {
        Semaphore window = new Semaphore(IN_FLIGHT);
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (Fuzz f : sent) {
            window.acquire();
            publisher.publish(TOPIC, f.payload(), 1, false).whenComplete((ok, e) -> {
                if (e != null) {
                    errors.add(e);
                }
                window.release();
            });
        }
        assertTrue(window.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS), "publishes still in flight");
        assertEquals(List.of(), errors, "publish errors");
    }

    private static void check(Fuzz f, Message m, InspectorProbe inspector, List<String> failures, Map<String, Integer> modes) {
        try {
            if (!java.util.Arrays.equals(f.payload(), m.payload())) {
                failures.add("order or bytes changed at " + f.shortText());
                return;
            }
            PayloadPreview.of(m.payload(), 80);
            PayloadText.utf8(m.payload(), 4_096);
            PayloadText.hexLine(m.payload(), Math.max(0, PayloadText.hexLineCount(m.payload()) - 1));
            Readings.Result read = Readings.read(TOPIC, TopicMapper.defaults().map(TOPIC).orElseThrow(), m.payload());
            if (read.unreadable().isEmpty() != f.number()) {
                failures.add("room parser says " + read + " for " + f.shortText());
            }
            InspectorProbe.Shown shown = inspector.show(m);
            modes.merge(shown.detectedMode(), 1, Integer::sum);
            if (shown.number().isPresent() && !Double.isFinite(shown.number().getAsDouble())) {
                failures.add("inspector shows " + shown.number() + " as a number for " + f.shortText());
            }
            if (!PayloadPreview.isUtf8(m.payload()) && !shown.textNote().contains("not UTF-8")) {
                failures.add("invalid UTF-8 shown as text without saying so: " + f.shortText());
            }
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(e + " on " + f.shortText());
        }
    }
}
