package org.brokerscope.cli.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.brokerscope.mqtt.BrokerConnection;

/**
 * Publishes at a steady rate for a fixed number of messages: rate/100 messages every 10 ms, which the
 * OS can keep, unlike a 1 ms timer. Each payload starts with the publish time from
 * {@code System.nanoTime()}, so a subscriber in the same process can measure latency. QoS 0, so nothing
 * confirms delivery; a publish the client refuses is counted, and the number it took is returned.
 */
final class SteadyPublisher {
    private SteadyPublisher() {
    }

    static long publish(BrokerConnection publisher, String topicPrefix, int topics, int ratePerSecond,
                        long total, int payloadBytes) throws InterruptedException {
        return publish(publisher, i -> topicPrefix + i, topics, ratePerSecond, total,
                n -> ByteBuffer.allocate(Math.max(Long.BYTES, payloadBytes)).putLong(System.nanoTime()).array());
    }

    /**
     * The same steady rate over topics named by {@code topicOf(n % topics)}, with the n-th message's payload.
     * Returns how many of the {@code total} the client took (its publish did not fail).
     */
    static long publish(BrokerConnection publisher, IntFunction<String> topicOf, int topics, int ratePerSecond,
                        long total, LongFunction<byte[]> payloadOf) throws InterruptedException {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        int perTick = Math.max(1, ratePerSecond / 100);
        clock.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick && sent.get() < total; i++) {
                long n = sent.getAndIncrement();
                publisher.publish(topicOf.apply((int) (n % topics)), payloadOf.apply(n), 0, false)
                        .whenComplete((ok, error) -> {
                            if (error != null) {
                                refused.incrementAndGet();
                            }
                        });
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        clock.shutdown();
        clock.awaitTermination(1, TimeUnit.SECONDS);
        return total - refused.get();
    }
}
