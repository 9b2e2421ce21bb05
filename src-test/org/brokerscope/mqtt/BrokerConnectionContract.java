package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.Message;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.testing.ThreadWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BrokerConnection} must do against a real broker, whatever client library and MQTT
 * version sits behind it. Each implementation's test extends this and says how to open one.
 */
abstract class BrokerConnectionContract {

    /** Opens an unconnected connection of the implementation under test. */
    protected abstract BrokerConnection open(ConnectionSettings settings, MessageSink sink);

    private static final Duration WAIT = Duration.ofSeconds(10);
    // Our reconnect backs off 1, 2, 4 ... 30 s; one full step past the cap is enough.
    private static final Duration RECONNECT_WAIT = Duration.ofSeconds(40);
    private static final Duration THREADS_END = Duration.ofSeconds(10);

    private MosquittoBroker mosquitto;
    private final List<BrokerConnection> connections = new ArrayList<>();
    private final ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startMosquitto() {
        mosquitto = MosquittoBroker.start();
    }

    @AfterEach
    void closeEverything() {
        connections.forEach(BrokerConnection::close);
        mosquitto.close();
    }

    @Test
    void connectReachesConnected() throws Exception {
        BrokerConnection connection = connection("test-connect", received::add);
        assertEquals(ConnectionState.DISCONNECTED, connection.state());

        connection.connect().get(10, TimeUnit.SECONDS);

        Eventually.await(WAIT, () -> connection.state() == ConnectionState.CONNECTED, () -> "state " + connection.state());
        assertTrue(connection.lastError().isEmpty());
        assertEquals(mosquitto.tcpUri(), connection.serverUri());
    }

    @Test
    void theStateIsConnectedAsSoonAsConnectCompletes() throws Exception {
        BrokerConnection connection = connection("test-connect-state", received::add);

        // Read the state in the completion itself, where a caller chaining on connect() would read it.
        ConnectionState seen = connection.connect().thenApply(ok -> connection.state()).get(10, TimeUnit.SECONDS);

        assertEquals(ConnectionState.CONNECTED, seen, "connect() completed but state() did not say so yet");
    }

    @Test
    void connectingWhereNothingListensFailsWithAReason() throws Exception {
        String uri = "tcp://127.0.0.1:" + unusedPort();
        BrokerConnection refused = open(ConnectionSettings.of(uri, "test-refused"), received::add);
        connections.add(refused);

        CompletableFuture<Void> attempt = refused.connect();

        assertThrows(ExecutionException.class, () -> attempt.get(10, TimeUnit.SECONDS));
        assertEquals(ConnectionState.FAILED, refused.state());
        assertFalse(refused.lastError().orElse("").isBlank(), "the user needs a reason");
    }

    @Test
    void subscriptionsAreMadeAgainAfterAnAutomaticReconnect() throws Exception {
        BrokerConnection monitor = connection("test-monitor", received::add);
        monitor.connect().get(10, TimeUnit.SECONDS);
        monitor.subscribe("maison/#", 1).get(10, TimeUnit.SECONDS);

        mosquitto.stop();
        Eventually.await(WAIT, () -> monitor.state() == ConnectionState.RECONNECTING,
                () -> "the loss was not noticed; state " + monitor.state());
        mosquitto.restart(); // same port, but a fresh broker that knows nothing of the old subscription
        Eventually.await(RECONNECT_WAIT, () -> monitor.state() == ConnectionState.CONNECTED,
                () -> "no reconnect; state " + monitor.state() + ", last error " + monitor.lastError());

        BrokerConnection publisher = connection("test-publisher", m -> { });
        publisher.connect().get(10, TimeUnit.SECONDS);
        // Retained, so the message arrives whether the resubscribe lands before or after this publish.
        publisher.publish("maison/salon/temperature", bytes("after-restart"), 1, true).get(10, TimeUnit.SECONDS);

        Eventually.await(WAIT, () -> received.stream().anyMatch(m -> "after-restart".equals(text(m))),
                () -> "nothing arrived after the reconnect; received " + texts() + "; mosquitto log:\n"
                        + mosquitto.logText());
    }

    @Test
    void messagesOfEverySizeArriveWholeAndInOrderAcrossAnIdlePause() throws Exception {
        // tcp:// is read through a 64 KB buffer (BufferedSockets): packets cut by its refills, packets bigger
        // than it, and a pause past Paho's 1 s socket timeout must all come through intact.
        BrokerConnection monitor = connection("test-sizes-monitor", received::add);
        monitor.connect().get(10, TimeUnit.SECONDS);
        monitor.subscribe("sizes/#", 1).get(10, TimeUnit.SECONDS);
        BrokerConnection publisher = connection("test-sizes-publisher", m -> { });
        publisher.connect().get(10, TimeUnit.SECONDS);
        Random random = new Random(42);
        List<byte[]> sent = new ArrayList<>();
        for (int batch = 0; batch < 40; batch++) {
            if (batch == 20) {
                Thread.sleep(2_500);
            }
            // Eight at a time: below both clients' in-flight limit, and enough to share one socket read.
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                byte[] payload = new byte[i == 3 ? 100_000 + random.nextInt(200_000) : random.nextInt(3_000)];
                random.nextBytes(payload);
                acks.add(publisher.publish("sizes/" + sent.size(), payload, 1, false));
                sent.add(payload);
            }
            for (CompletableFuture<?> ack : acks) {
                ack.get(10, TimeUnit.SECONDS);
            }
        }

        Eventually.await(WAIT, () -> received.size() >= sent.size(), () -> received.size() + " of " + sent.size() + " arrived");
        List<Message> got = List.copyOf(received);
        assertEquals(sent.size(), got.size());
        for (int i = 0; i < sent.size(); i++) {
            assertEquals("sizes/" + i, got.get(i).topic());
            assertArrayEquals(sent.get(i), got.get(i).payload(), "payload of sizes/" + i);
        }
    }

    @Test
    void theBrokerPublishesTheLastWillWhenTheConnectionEndsWithoutDisconnect() throws Exception {
        BrokerConnection watcher = connection("test-will-watcher", received::add);
        watcher.connect().get(10, TimeUnit.SECONDS);
        watcher.subscribe("devices/+/status", 1).get(10, TimeUnit.SECONDS);
        BrokerConnection device = open(ConnectionSettings.of(mosquitto.tcpUri(), "test-will-device")
                .withWill(new LastWill("devices/d1/status", bytes("offline"), 1, true)), m -> { });
        connections.add(device);
        device.connect().get(10, TimeUnit.SECONDS);

        // A second client with the same ID makes the broker drop the first without a DISCONNECT from it.
        BrokerConnection takeover = connection("test-will-device", m -> { });
        takeover.connect().get(10, TimeUnit.SECONDS);

        Eventually.await(WAIT, () -> received.stream().anyMatch(m -> "offline".equals(text(m)) && m.topic().equals("devices/d1/status")),
                () -> "no Last Will arrived; received " + texts());
    }

    @Test
    void noMqttThreadIsLeftAfterClose() throws Exception {
        ThreadWatch watch = ThreadWatch.snapshot();
        BrokerConnection connection = connection("test-threads", received::add);
        connection.connect().get(10, TimeUnit.SECONDS);
        connection.subscribe("echo/#", 1).get(10, TimeUnit.SECONDS);
        connection.publish("echo/1", bytes("ping"), 1, false).get(10, TimeUnit.SECONDS);
        Eventually.await(WAIT, () -> !received.isEmpty(), "the connection did not receive its own message");
        assertFalse(watch.startedSince(ThreadWatch.mqttClientThreads()).isEmpty(),
                "the watch must see Paho's threads while connected, or it proves nothing");

        connection.close();

        assertEquals(ConnectionState.CLOSED, connection.state());
        watch.awaitNoneLeft(THREADS_END, ThreadWatch.mqttClientThreads(), "MQTT threads after close()");
    }

    @Test
    void noMqttThreadIsLeftAfterAFailedConnectAndClose() throws Exception {
        ThreadWatch watch = ThreadWatch.snapshot();
        String uri = "tcp://127.0.0.1:" + unusedPort();
        BrokerConnection refused = open(ConnectionSettings.of(uri, "test-refused-threads"), m -> { });
        connections.add(refused);
        CompletableFuture<Void> attempt = refused.connect();
        assertThrows(ExecutionException.class, () -> attempt.get(10, TimeUnit.SECONDS));

        refused.close();

        // Paho #850: a connection thread can survive a failed connect.
        watch.awaitNoneLeft(THREADS_END, ThreadWatch.mqttClientThreads(), "MQTT threads after a failed connect");
    }

    @Test
    void closeWhileReconnectingStopsTheReconnectThreads() throws Exception {
        ThreadWatch watch = ThreadWatch.snapshot();
        BrokerConnection connection = connection("test-close-reconnecting", m -> { });
        connection.connect().get(10, TimeUnit.SECONDS);
        mosquitto.stop();
        Eventually.await(WAIT, () -> connection.state() == ConnectionState.RECONNECTING,
                () -> "state " + connection.state());

        connection.close();

        // Paho #654: a reconnect thread can survive close(); the broker stays down so it would keep trying.
        assertEquals(ConnectionState.CLOSED, connection.state());
        watch.awaitNoneLeft(THREADS_END, ThreadWatch.mqttClientThreads(), "MQTT threads after close() while reconnecting");
    }

    @Test
    void closeWhileTheBrokerHasNotAnsweredConnectLeavesNoThreads() throws Exception {
        ThreadWatch watch = ThreadWatch.snapshot();
        // Accepts the socket and never sends CONNACK, so close() comes while the CONNECT is under way.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BrokerConnection waiting = open(ConnectionSettings.of("tcp://127.0.0.1:" + silent.getLocalPort(),
                    "test-close-connecting"), m -> { });
            connections.add(waiting);
            CompletableFuture<Void> attempt = waiting.connect();
            assertEquals(ConnectionState.CONNECTING, waiting.state());

            waiting.close();

            assertEquals(ConnectionState.CLOSED, waiting.state());
            assertFalse(attempt.isDone() && !attempt.isCompletedExceptionally(), "a connect to a silent broker succeeded");
            watch.awaitNoneLeft(THREADS_END, ThreadWatch.mqttClientThreads(), "MQTT threads after close() during CONNECT");
        }
    }

    @Test
    void closeIsSafeToCallTwiceAndOnANeverConnectedConnection() {
        BrokerConnection never = connection("test-never", m -> { });

        never.close();
        never.close();

        assertEquals(ConnectionState.CLOSED, never.state());
    }

    private BrokerConnection connection(String clientId, MessageSink sink) {
        BrokerConnection c = open(ConnectionSettings.of(mosquitto.tcpUri(), clientId), sink);
        connections.add(c);
        return c;
    }

    // Bound and released: nothing listens there afterwards (another process could take it, but not in practice).
    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private List<String> texts() {
        return received.stream().map(BrokerConnectionContract::text).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Message message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }
}
