package org.brokerscope.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;

/**
 * Publishes the benchmark stream over several connections in parallel, then one QoS 1 marker per
 * connection: its PUBACK proves the broker has taken everything sent before it on that connection.
 */
final class StreamPublisher {
    static final String TOPIC_PREFIX = "bench/";
    private static final int CONNECTIONS = 2;
    // Paho gives every PUBLISH, even QoS 0, a message ID; bound what is in flight or it runs out of IDs.
    private static final int IN_FLIGHT = 5_000;

    private StreamPublisher() {
    }

    /** Sends the stream and returns how many messages each subscriber will receive, markers included. */
    static long publish(String brokerUri, IngestOptions options) throws InterruptedException {
        byte[] payload = new byte[options.payload()];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int connection = c;
            threads.add(Thread.ofPlatform().name("bench-publisher-" + c).start(() ->
                    publishShare(brokerUri, options, payload, connection)));
        }
        for (Thread t : threads) {
            t.join();
        }
        return options.messages() + CONNECTIONS;
    }

    private static void publishShare(String brokerUri, IngestOptions options, byte[] payload, int connection) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        try (BrokerConnection publisher = new PahoV5Connection(
                ConnectionSettings.of(brokerUri, "bench-pub-" + connection + "-" + System.nanoTime()), m -> { })) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            for (long i = connection; i < options.messages(); i += CONNECTIONS) {
                inFlight.acquire();
                CompletableFuture<Void> sent = publisher.publish(TOPIC_PREFIX + "t" + (i % options.topics()),
                        payload, options.qos(), false);
                sent.whenComplete((ok, error) -> inFlight.release());
            }
            inFlight.acquire(IN_FLIGHT);
            publisher.publish(TOPIC_PREFIX + "end", new byte[0], 1, false).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Publishing the benchmark stream failed: " + e.getMessage(), e);
        }
    }
}
