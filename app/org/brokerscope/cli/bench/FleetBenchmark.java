package org.brokerscope.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.sim.SensorConnector;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.SimClock;
import org.brokerscope.sim.scenario.Scenarios;

/**
 * {@code brokerscope bench fleet --sensors N}: N virtual sensors, one MQTT client each, publishing at
 * 1 Hz to a local Mosquitto for a fixed time. Reports messages published, delivered and lost, and this
 * process's CPU, heap and platform thread count while they run.
 */
public final class FleetBenchmark {
    private static final Duration MEASURE = Duration.ofSeconds(30);

    private FleetBenchmark() {
    }

    public static int main(int sensors, PrintStream out) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        int threadsBefore = threadBean.getThreadCount();
        LongAdder delivered = new LongAdder();
        try (LocalMosquitto broker = LocalMosquitto.start("mosquitto");
             BrokerConnection counter = new PahoV5Connection(ConnectionSettings.of(broker.tcpUri(), "bench-fleet-count"),
                     m -> delivered.increment())) {
            counter.connect().get(10, TimeUnit.SECONDS);
            counter.subscribe("load/#", 0).get(10, TimeUnit.SECONDS);
            long startNanos = System.nanoTime();
            SensorFleet fleet = new SensorFleet(ConnectionSettings.of(broker.tcpUri(), "bench"), SensorConnector.paho(),
                    SimClock.realTime());
            try {
                Scenarios.load(sensors, Duration.ofSeconds(1), 7).sensors().forEach(fleet::add);
                fleet.startAll().get(120, TimeUnit.SECONDS);
                awaitPublishing(fleet, sensors);
                out.printf("%,d sensors connected in %.1f s; measuring %d s%n", sensors,
                        (System.nanoTime() - startNanos) / 1e9, MEASURE.toSeconds());
                threadBean.resetPeakThreadCount();
                long cpuBefore = os.getProcessCpuTime();
                long wallBefore = System.nanoTime();
                Thread.sleep(MEASURE.toMillis());
                double seconds = (System.nanoTime() - wallBefore) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9 / seconds;
                int threads = threadBean.getPeakThreadCount() - threadsBefore;
                long heap = usedHeapAfterGc();
                // Totals over the whole run: stop publishing, let what is in flight land, then compare.
                fleet.close();
                long published = fleet.publishedCount();
                Thread.sleep(2_000);
                long got = delivered.sum();
                out.printf("%n| Sensors | Published | Delivered | Lost | Process CPU (cores) | Heap after GC | Threads added |%n");
                out.printf("|---:|---:|---:|---:|---:|---:|---:|%n");
                out.printf("| %,d | %,d | %,d | %,d | %.2f | %,d MB | %,d |%n", sensors, published, got,
                        Math.max(0, published - got), cpu, heap >> 20, threads);
                out.printf("(CPU, heap and peak platform threads while publishing for %d s; counts over the whole run,"
                        + " including each sensor's online and offline status.)%n", MEASURE.toSeconds());
            } finally {
                fleet.close();
            }
        }
        return 0;
    }

    private static void awaitPublishing(SensorFleet fleet, int sensors) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (fleet.publishedCount() < 2L * sensors && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
