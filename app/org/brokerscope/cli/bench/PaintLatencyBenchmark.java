package org.brokerscope.cli.bench;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;

/**
 * {@code brokerscope bench latency --paint}: at a steady 1,000 msg/s, publish → the end of the layout pass
 * of the frame that shows the value, in the whole app started as a child process with the Topics view
 * open, beside publish → a bare Paho callback in this process on the same stream (the reference).
 * The app's ui.PaintProbe and ui.FrameStats log the lines read here (the UI layer is not visible from cli).
 * Both ends read {@code System.nanoTime()}, CLOCK_MONOTONIC on Linux, the same in every process.
 */
public final class PaintLatencyBenchmark {
    private static final int RATE = 1_000;
    private static final int SECONDS = 20;
    private static final int TOPICS = 100;

    private PaintLatencyBenchmark() {
    }

    public static int main(PrintStream out) throws Exception {
        AtomicReference<String> paint = new AtomicReference<>();
        AtomicReference<String> frames = new AtomicReference<>();
        long[] callback = new long[RATE * SECONDS];
        AtomicInteger callbackCount = new AtomicInteger();
        try (AppChild app = AppChild.start(List.of("brokerscope.paintProbe=latency/", "brokerscope.frameStats=true"),
                line -> {
                    keepAfter(line, "Paint latency: ", paint);
                    keepAfter(line, "Frames: ", frames);
                });
             BrokerConnection bare = new PahoV5Connection(ConnectionSettings.of(app.brokerUri(), "bench-paint-cb"), m -> {
                 int i = callbackCount.getAndIncrement();
                 if (i < callback.length) {
                     callback[i] = System.nanoTime() - ByteBuffer.wrap(m.payload()).getLong();
                 }
             });
             BrokerConnection publisher = new PahoV5Connection(ConnectionSettings.of(app.brokerUri(), "bench-paint-pub"), m -> { })) {
            bare.connect().get(10, TimeUnit.SECONDS);
            publisher.connect().get(10, TimeUnit.SECONDS);
            bare.subscribe("latency/#", 0).get(10, TimeUnit.SECONDS);
            Thread.sleep(3_000); // the window settles after connecting
            SteadyPublisher.publish(publisher, "warmup/t", TOPICS, RATE, RATE * 3L, Long.BYTES);
            out.printf("App's embedded broker %s; %,d msg/s for %d s over %d topics, QoS 0, after 3 s of warm-up%n",
                    app.brokerUri(), RATE, SECONDS, TOPICS);
            SteadyPublisher.publish(publisher, "latency/t", TOPICS, RATE, (long) RATE * SECONDS, Long.BYTES);
            Thread.sleep(6_000); // the probe reports every 5 s
        }
        out.println();
        out.println("| Path | p50 ms | p99 ms | max ms | messages |");
        out.println("|---|---:|---:|---:|---:|");
        int n = Math.min(callbackCount.get(), callback.length);
        long[] sorted = Arrays.copyOf(callback, n);
        Arrays.sort(sorted);
        out.printf("| publish → bare Paho callback (this process) | %.2f | %.2f | %.2f | %,d |%n",
                LatencyBenchmark.ms(sorted, 0.5), LatencyBenchmark.ms(sorted, 0.99), n == 0 ? 0 : sorted[n - 1] / 1e6, n);
        out.printf("| publish → laid-out frame in the app (Topics view) | %s |%n", paintRow(paint.get()));
        out.println("Frames during the run: " + (frames.get() == null ? "no report" : frames.get()));
        return paint.get() == null ? 1 : 0;
    }

    private static void keepAfter(String line, String marker, AtomicReference<String> into) {
        int at = line.indexOf(marker);
        if (at >= 0) {
            into.set(line.substring(at + marker.length()));
        }
    }

    // "n=20000 p50=9.10 p99=17.20 max=30.00" -> "9.10 | 17.20 | 30.00 | 20,000"
    private static String paintRow(String report) {
        if (report == null) {
            return "no report | | |";
        }
        String[] parts = report.trim().split(" ");
        return value(parts[1]) + " | " + value(parts[2]) + " | " + value(parts[3]) + " | "
                + String.format("%,d", Long.parseLong(value(parts[0])));
    }

    private static String value(String pair) {
        return pair.substring(pair.indexOf('=') + 1);
    }
}
