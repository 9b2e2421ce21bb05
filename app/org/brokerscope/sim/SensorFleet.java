package org.brokerscope.sim;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A group of virtual sensors sharing one scheduler thread, so a fleet does not cost a thread per
 * sensor for its timing.
 */
public final class SensorFleet implements AutoCloseable {
    private final List<VirtualSensor> sensors;
    private final ScheduledExecutorService scheduler;

    public SensorFleet(List<VirtualSensor> sensors) {
        this.sensors = List.copyOf(sensors);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("brokerscope-sensors").daemon(true).factory());
    }

    public SensorFleet start() {
        sensors.forEach(s -> s.start(scheduler));
        return this;
    }

    public List<VirtualSensor> sensors() {
        return sensors;
    }

    public long publishedCount() {
        return sensors.stream().mapToLong(VirtualSensor::publishedCount).sum();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        // Each sensor disconnects cleanly; close them in parallel so a big fleet stops quickly.
        sensors.parallelStream().forEach(VirtualSensor::close);
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
