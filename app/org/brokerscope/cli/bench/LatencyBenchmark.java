package org.brokerscope.cli.bench;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.brokerscope.domain.Message;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;

/**
 * {@code brokerscope bench latency}: at a steady 1,000 msg/s, the time from publish to the value applied
 * in Brokerscope's model, beside the time from publish to a bare MQTT callback on the same stream.
 * Publisher and subscribers share this process, so one monotonic clock times both ends.
 */
public final class LatencyBenchmark {
    private static final int RATE = 1_000;
    private static final int SECONDS = 20;
    private static final int WARM_UP = 2_000;

    private LatencyBenchmark() {
    }

    public static int main(Optional<String> broker, PrintStream out) throws Exception {
        try (LocalMosquitto local = broker.isEmpty() ? LocalMosquitto.start("mosquitto") : null) {
            String uri = broker.orElseGet(local::tcpUri);
            long[] model = new long[RATE * SECONDS];
            long[] callback = new long[RATE * SECONDS];
            AtomicInteger modelCount = new AtomicInteger();
            AtomicInteger callbackCount = new AtomicInteger();
            try (IngestPipeline pipeline = IngestPipeline.withDefaults().observe(probe(model, modelCount)).start();
                 BrokerConnection brokerscope = new PahoV5Connection(ConnectionSettings.of(uri, "bench-lat-bs"), pipeline);
                 BrokerConnection bare = new PahoV5Connection(ConnectionSettings.of(uri, "bench-lat-cb"),
                         probe(callback, callbackCount)::accept);
                 BrokerConnection publisher = new PahoV5Connection(ConnectionSettings.of(uri, "bench-lat-pub"), m -> { })) {
                for (BrokerConnection c : new BrokerConnection[] {brokerscope, bare, publisher}) {
                    c.connect().get(10, TimeUnit.SECONDS);
                }
                brokerscope.subscribe("latency/#", 0).get(10, TimeUnit.SECONDS);
                bare.subscribe("latency/#", 0).get(10, TimeUnit.SECONDS);
                out.printf("Broker %s; %,d msg/s for %d s, QoS 0; first %,d messages are warm-up%n", uri, RATE, SECONDS, WARM_UP);
                SteadyPublisher.publish(publisher, "latency/t", 100, RATE, (long) RATE * SECONDS, Long.BYTES);
                Thread.sleep(1_000);
            }
            out.println();
            out.println("| Path | p50 ms | p99 ms | max ms | messages |");
            out.println("|---|---:|---:|---:|---:|");
            row(out, "publish → bare Paho callback", callback, callbackCount.get());
            row(out, "publish → applied in Brokerscope's model", model, modelCount.get());
            return 0;
        }
    }

    private static Consumer<Message> probe(long[] latencies, AtomicInteger count) {
        return message -> {
            long sentAt = ByteBuffer.wrap(message.payload()).getLong();
            int i = count.getAndIncrement();
            if (i < latencies.length) {
                latencies[i] = System.nanoTime() - sentAt;
            }
        };
    }

    private static void row(PrintStream out, String path, long[] latencies, int count) {
        int n = Math.min(count, latencies.length);
        if (n <= WARM_UP) {
            out.printf("| %s | — | — | — | %d (too few) |%n", path, n);
            return;
        }
        long[] measured = Arrays.copyOfRange(latencies, WARM_UP, n);
        Arrays.sort(measured);
        out.printf("| %s | %.2f | %.2f | %.2f | %,d |%n", path, ms(measured, 0.50), ms(measured, 0.99),
                measured[measured.length - 1] / 1e6, measured.length);
    }

    /** The {@code quantile} of sorted nanosecond latencies, in ms; 0 when there are none. */
    static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
