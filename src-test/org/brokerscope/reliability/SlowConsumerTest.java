package org.brokerscope.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.ingest.IngestStats;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.MessageSink;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.mqtt.ProtocolChoice;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.testing.ThreadWatch;
import org.junit.jupiter.api.Test;

/**
 * A QoS 1 subscription through a broker that lets only two messages be in flight to it (Mosquitto's
 * {@code max_inflight_messages}), flooded, into an ingest path made slow on purpose (a model that takes
 * 2 ms a message, 500 msg/s). Paho acknowledges a message only when the callback returns, so a callback
 * that waited for the slow model would stall the whole connection: it must never wait.
 */
class SlowConsumerTest {
    private static final int FLOOD = 20_000;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long CALLBACK_LIMIT_MS = 200;

    @Test
    void aFloodedSlowConsumerNeverBlocksPahosCallbackAndSheds() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start(folder -> "allow_anonymous true\nmax_inflight_messages 2\n");
             IngestPipeline pipeline = new IngestPipeline(1_024, 1L << 20)
                     .observe(m -> LockSupport.parkNanos(2_000_000)).start()) {
            TimedSink callback = new TimedSink(pipeline);
            ThreadWatch threads = ThreadWatch.snapshot();
            try (PahoV5Connection monitor = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "slow-monitor")
                    .withProtocol(ProtocolChoice.MQTT_5), callback)) {
                monitor.connect().get(20, TimeUnit.SECONDS);
                monitor.subscribe("slow/#", 1).get(20, TimeUnit.SECONDS);

                long start = System.nanoTime();
                flood(mosquitto);
                long floodMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                Eventually.await(WAIT, () -> callback.calls.get() >= FLOOD + 1,
                        () -> callback.calls.get() + " of " + (FLOOD + 1) + " reached the callback; callback thread:\n"
                                + ThreadWatch.describe(threads.startedSince(t -> t.getName().startsWith("MQTT Call"))));
                Eventually.await(WAIT, () -> settled(pipeline.stats()), () -> "the ingest path never caught up: " + pipeline.stats());
                IngestStats stats = pipeline.stats();
                double callbackMaxMs = callback.maxNanos.get() / 1e6;
                System.out.println("FAULT slowConsumer flood=" + (FLOOD + 1) + " floodMs=" + floodMillis
                        + " callbackMaxMs=" + callbackMaxMs + " ingest=" + stats);
                assertEquals(FLOOD + 1, stats.received());
                assertEquals(stats.received(), stats.applied() + stats.dropped(), "every message applied or counted as shed");
                assertTrue(stats.dropped() > 0, "the slow model should have made the queue shed: " + stats);
                assertTrue(callbackMaxMs < CALLBACK_LIMIT_MS, "the callback blocked " + callbackMaxMs + " ms");
            }
        }
    }

    // Everything handed over is either through the model or counted as shed (the batch under way included).
    static boolean settled(IngestStats s) {
        return s.queued() == 0 && s.applied() + s.dropped() == s.received();
    }

    /** {@value FLOOD} QoS 1 messages, then one "last", through mosquitto_pub -l; it exits once all are acknowledged. */
    private static void flood(MosquittoBroker mosquitto) throws IOException, InterruptedException {
        Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(mosquitto.port()),
                "-V", "5", "-q", "1", "-t", "slow/flood", "-l").redirectErrorStream(true).start();
        try (OutputStream in = pub.getOutputStream()) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < FLOOD; i++) {
                lines.append("{\"n\":").append(i).append(",\"value\":21.5}\n");
            }
            lines.append("last\n");
            in.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        boolean done = pub.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        String output = new String(pub.getInputStream().readNBytes(4_096), StandardCharsets.UTF_8);
        if (!done) {
            pub.destroyForcibly();
        }
        assertTrue(done && pub.exitValue() == 0, "the publisher did not finish: " + output);
    }

    /** Times every call Paho's callback thread makes into the app's sink. */
    private static final class TimedSink implements MessageSink {
        private final MessageSink next;
        final AtomicLong calls = new AtomicLong();
        final AtomicLong maxNanos = new AtomicLong();

        TimedSink(MessageSink next) {
            this.next = next;
        }

        @Override
        public void accept(org.brokerscope.domain.Message message) {
            long start = System.nanoTime();
            next.accept(message);
            maxNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
            calls.incrementAndGet();
        }
    }
}
