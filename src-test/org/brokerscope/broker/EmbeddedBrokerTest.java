package org.brokerscope.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded HiveMQ, driven by raw Paho clients so the test does not depend on Brokerscope's own MQTT
 * layer. One broker is shared by the pub/sub tests because each start and stop costs seconds.
 */
class EmbeddedBrokerTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final long WAIT_S = 10;

    private static EmbeddedBroker shared;

    @BeforeAll
    static void startSharedBroker() {
        shared = EmbeddedBroker.start(BrokerOptions.onPort(0));
    }

    @AfterAll
    static void stopSharedBroker() {
        if (shared != null) {
            shared.close();
        }
    }

    @Test
    void startsOnAFreeLoopbackPortWhenAnyPortWillDo() throws IOException {
        BrokerEndpoint endpoint = shared.endpoint();

        assertEquals(LOOPBACK, endpoint.host());
        assertTrue(endpoint.port() > 0);
        assertEquals(0, endpoint.requestedPort());
        assertFalse(endpoint.portWasTaken(), "asking for any port is never a conflict");
        assertEquals("tcp://127.0.0.1:" + endpoint.port(), endpoint.tcpUri());
        assertEquals("mqtt://127.0.0.1:" + endpoint.port(), endpoint.displayUrl());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, endpoint.port()), 2_000);
        }
    }

    @Test
    void isNotReachableThroughTheMachinesOtherAddresses() throws IOException {
        int port = shared.endpoint().port();
        List<InetAddress> others = nonLoopbackIpv4Addresses();

        // A classroom laptop must not offer an open broker to the whole network.
        for (InetAddress address : others) {
            assertThrows(IOException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 2_000);
                }
            }, "the broker answered on " + address.getHostAddress() + ":" + port);
        }
        assertEquals(LOOPBACK, shared.endpoint().host());
    }

    @Test
    void aPahoV5PublishReachesAPahoV5Subscriber() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (V5Client subscriber = V5Client.connect(shared.endpoint().tcpUri(), "v5-sub");
             V5Client publisher = V5Client.connect(shared.endpoint().tcpUri(), "v5-pub")) {
            subscriber.subscribe("maison/#", (topic, message) ->
                    received.add(topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8)));

            publisher.client.publish("maison/salon/temperature", bytes("21.5"), 1, false);

            assertEquals("maison/salon/temperature=21.5", received.poll(WAIT_S, TimeUnit.SECONDS));
        }
    }

    @Test
    void aPahoV3PublishReachesAPahoV3SubscriberOverMqtt311() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (V3Client subscriber = V3Client.connect(shared.endpoint().tcpUri(), "v3-sub");
             V3Client publisher = V3Client.connect(shared.endpoint().tcpUri(), "v3-pub")) {
            subscriber.client.subscribe("maison/#", 1, (topic, message) ->
                    received.add(topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8)));

            publisher.client.publish("maison/cuisine/humidity", bytes("55"), 1, false);

            assertEquals("maison/cuisine/humidity=55", received.poll(WAIT_S, TimeUnit.SECONDS));
        }
    }

    @Test
    void aTakenPreferredPortIsReplacedAndReported() throws IOException {
        try (ServerSocket occupant = new ServerSocket()) {
            occupant.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
            int taken = occupant.getLocalPort();

            try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.onPort(taken))) {
                BrokerEndpoint endpoint = broker.endpoint();
                assertTrue(endpoint.portWasTaken(), "the user must be told the port changed");
                assertEquals(taken, endpoint.requestedPort());
                assertNotEquals(taken, endpoint.port());
                assertEquals(LOOPBACK, endpoint.host());
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(LOOPBACK, endpoint.port()), 2_000);
                }
            }
        }
    }

    private static List<InetAddress> nonLoopbackIpv4Addresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(EmbeddedBrokerTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .toList();
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A raw Paho MQTT 5 client that always disconnects and closes, so no Paho thread outlives a test. */
    private record V5Client(MqttClient client) implements AutoCloseable {
        static V5Client connect(String uri, String clientId) throws Exception {
            MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
            client.setTimeToWait(WAIT_S * 1_000);
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            try {
                client.connect(options);
            } catch (Exception e) {
                client.close(true);
                throw e;
            }
            return new V5Client(client);
        }

        void subscribe(String filter, IMqttMessageListener listener) throws Exception {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)},
                    new IMqttMessageListener[] {listener});
        }

        @Override
        public void close() throws Exception {
            try {
                if (client.isConnected()) {
                    client.disconnect(WAIT_S * 1_000);
                }
            } finally {
                client.close(true);
            }
        }
    }

    /** The same for Paho's 3.1.1 client, which older sketches and tools still speak. */
    private record V3Client(org.eclipse.paho.client.mqttv3.MqttClient client) implements AutoCloseable {
        static V3Client connect(String uri, String clientId) throws Exception {
            var client = new org.eclipse.paho.client.mqttv3.MqttClient(uri, clientId,
                    new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            client.setTimeToWait(WAIT_S * 1_000);
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setCleanSession(true);
            try {
                client.connect(options);
            } catch (Exception e) {
                client.close(true);
                throw e;
            }
            return new V3Client(client);
        }

        @Override
        public void close() throws Exception {
            try {
                if (client.isConnected()) {
                    client.disconnect(WAIT_S * 1_000);
                }
            } finally {
                client.close(true);
            }
        }
    }
}
