package org.brokerscope.sim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.brokerscope.mqtt.BrokerConnection;

/**
 * One simulated device: its own MQTT connection, publishing one measure on a fixed interval, so that
 * on the broker it looks like a real sensor.
 */
public final class VirtualSensor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(VirtualSensor.class.getName());

    private final String topic;
    private final SignalModel model;
    private final Duration interval;
    private final BrokerConnection connection;
    private final Clock clock;
    private final LongAdder published = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private ScheduledFuture<?> task;
    private boolean closed;

    public VirtualSensor(String topic, SignalModel model, Duration interval, BrokerConnection connection, Clock clock) {
        this.topic = topic;
        this.model = model;
        this.interval = interval;
        this.connection = connection;
        this.clock = clock;
    }

    public String topic() {
        return topic;
    }

    public long publishedCount() {
        return published.sum();
    }

    public long failedCount() {
        return failed.sum();
    }

    /** Connects, then publishes on {@code scheduler} every interval until closed. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        connection.connect().whenComplete((ok, error) -> {
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "Sensor {0} could not connect: {1}", topic,
                        connection.lastError().orElse(error.getMessage()));
                return;
            }
            synchronized (this) {
                if (!closed && task == null) {
                    task = scheduler.scheduleAtFixedRate(this::publishOnce, 0, interval.toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    void publishOnce() {
        double value = model.next(clock.instant());
        // Plain numbers with a dot: what a student's sketch would send and every dashboard reads.
        byte[] payload = String.format(Locale.ROOT, "%.1f", value).getBytes(StandardCharsets.UTF_8);
        connection.publish(topic, payload, 0, false).whenComplete((ok, error) -> {
            if (error == null) {
                published.increment();
            } else {
                failed.increment();
            }
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (task != null) {
            task.cancel(false);
        }
        connection.close();
    }
}
