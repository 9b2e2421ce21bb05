package org.brokerscope.cli.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.ingest.IngestStats;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;

/**
 * {@code brokerscope bench soak}: a steady stream (default 5,000 msg/s over 10,000 topics for 10
 * minutes) through a local Mosquitto into Brokerscope's ingest path, with the heap after GC printed
 * every minute. The heap must level off once every topic has been seen, and stay flat.
 */
public final class SoakBenchmark {
    private SoakBenchmark() {
    }

    public static int main(int minutes, int rate, int topics, PrintStream out) throws Exception {
        long total = (long) rate * 60 * minutes;
        try (LocalMosquitto broker = LocalMosquitto.start("mosquitto");
             IngestPipeline pipeline = IngestPipeline.withDefaults().start();
             BrokerConnection subscriber = new PahoV5Connection(ConnectionSettings.of(broker.tcpUri(), "bench-soak-sub"), pipeline);
             BrokerConnection publisher = new PahoV5Connection(ConnectionSettings.of(broker.tcpUri(), "bench-soak-pub"), m -> { })) {
            subscriber.connect().get(10, TimeUnit.SECONDS);
            subscriber.subscribe("soak/#", 0).get(10, TimeUnit.SECONDS);
            publisher.connect().get(10, TimeUnit.SECONDS);
            ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor();
            // Stand in for the UI: take the changed topics once per frame, as the FX pump does.
            monitor.scheduleAtFixedRate(pipeline::takeChanges, 16, 16, TimeUnit.MILLISECONDS);
            out.printf("%,d msg/s over %,d topics for %d min, 100-byte payloads, QoS 0%n%n", rate, topics, minutes);
            out.println("| Minute | Applied | Dropped | Topics | Heap after GC |");
            out.println("|---:|---:|---:|---:|---:|");
            long start = System.nanoTime();
            monitor.scheduleAtFixedRate(() -> report(pipeline.stats(), start, out), 60, 60, TimeUnit.SECONDS);
            SteadyPublisher.publish(publisher, "soak/site/t", topics, rate, total, 100);
            monitor.shutdown();
            monitor.awaitTermination(70, TimeUnit.SECONDS);
            Thread.sleep(1_000);
            report(pipeline.stats(), start, out);
            return pipeline.stats().dropped() == 0 ? 0 : 1;
        }
    }

    private static void report(IngestStats stats, long startNanos, PrintStream out) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.printf("| %.1f | %,d | %,d | %,d | %,d MB |%n", (System.nanoTime() - startNanos) / 60e9,
                stats.applied(), stats.dropped(), stats.topicCount(), heap >> 20);
    }
}
