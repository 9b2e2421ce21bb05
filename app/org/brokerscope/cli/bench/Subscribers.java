package org.brokerscope.cli.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.ingest.IngestStats;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The three subscribers compared on the same stream. Each first registers a persistent session and
 * leaves, so the broker queues the whole stream for it; {@code drain} then reconnects and times how
 * fast it takes the queue in. The publisher has finished before any timing starts, so it cannot be
 * what limits a figure.
 */
final class Subscribers {
    static final String FILTER = StreamPublisher.TOPIC_PREFIX + "#";
    private static final long SESSION_SECONDS = 3_600;
    private static final long DRAIN_TIMEOUT_S = 300;

    private Subscribers() {
    }

    /** How one subscriber did: {@code received} may fall short of {@code expected} on a timeout. */
    record Drain(String subscriber, long expected, long received, long dropped, double seconds) {
        double rate() {
            return received / seconds;
        }
    }

    // --- 1. mosquitto_sub, the C client -------------------------------------------------------------

    static void registerMosquittoSub(int port, String clientId, int qos) throws IOException, InterruptedException {
        run(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-i", clientId, "-c",
                "-q", String.valueOf(qos), "-t", FILTER, "-E"));
    }

    static Drain drainMosquittoSub(int port, String clientId, int qos, long expected) throws IOException, InterruptedException {
        long start = System.nanoTime();
        boolean finished = run(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-i", clientId,
                "-c", "-q", String.valueOf(qos), "-t", FILTER, "-C", String.valueOf(expected)));
        double seconds = (System.nanoTime() - start) / 1e9;
        // mosquitto_sub -C exits only once it has received every message.
        return new Drain("mosquitto_sub", expected, finished ? expected : 0, 0, seconds);
    }

    private static boolean run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!process.waitFor(DRAIN_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    // --- 2. bare Paho v5 callback that only counts --------------------------------------------------

    static Drain drainBarePaho(String uri, String clientId, int qos, long expected, boolean registerOnly)
            throws MqttException, InterruptedException {
        AtomicLong count = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        client.setCallback(new CountingCallback(count, expected, done));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_SECONDS);
        long start = System.nanoTime();
        try {
            client.connect(options).waitForCompletion(10_000);
            if (registerOnly) {
                client.subscribe(FILTER, qos).waitForCompletion(10_000);
                return null;
            }
            done.await(DRAIN_TIMEOUT_S, TimeUnit.SECONDS);
            return new Drain("bare Paho v5", expected, count.get(), 0, (System.nanoTime() - start) / 1e9);
        } finally {
            client.disconnect().waitForCompletion(5_000);
            client.close();
        }
    }

    private record CountingCallback(AtomicLong count, long expected, CountDownLatch done) implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (count.incrementAndGet() == expected) {
                done.countDown();
            }
        }

        @Override public void disconnected(MqttDisconnectResponse response) { }
        @Override public void mqttErrorOccurred(MqttException exception) { }
        @Override public void deliveryComplete(IMqttToken token) { }
        @Override public void connectComplete(boolean reconnect, String serverURI) { }
        @Override public void authPacketArrived(int reasonCode, MqttProperties properties) { }
    }

    // --- 3. Brokerscope's own ingest path into the topic model --------------------------------------

    static Drain drainBrokerscope(String uri, String clientId, int qos, long expected, boolean registerOnly)
            throws Exception {
        ConnectionSettings settings = ConnectionSettings.of(uri, clientId).withPersistentSession(SESSION_SECONDS);
        try (IngestPipeline pipeline = IngestPipeline.withDefaults().start();
             BrokerConnection connection = new PahoV5Connection(settings, pipeline)) {
            long start = System.nanoTime();
            connection.connect().get(10, TimeUnit.SECONDS);
            if (registerOnly) {
                connection.subscribe(FILTER, qos).get(10, TimeUnit.SECONDS);
                return null;
            }
            long deadline = start + TimeUnit.SECONDS.toNanos(DRAIN_TIMEOUT_S);
            IngestStats stats = pipeline.stats();
            while (stats.applied() + stats.dropped() < expected && System.nanoTime() < deadline) {
                Thread.sleep(1);
                stats = pipeline.stats();
            }
            return new Drain("Brokerscope ingest", expected, stats.applied(), stats.dropped(),
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
