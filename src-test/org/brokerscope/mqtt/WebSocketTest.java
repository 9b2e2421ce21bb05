package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.brokerscope.broker.FreePorts;
import org.brokerscope.domain.Message;
import org.brokerscope.testing.AedesBroker;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.testing.TestPki;
import org.junit.jupiter.api.Test;

/** MQTT over WebSockets against Mosquitto's own WebSocket listener (built into Debian's 2.0.11). */
class WebSocketTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void mqttOverAWebSocketConnectsAndCarriesMessages() throws Exception {
        int wsPort = FreePorts.any("127.0.0.1");
        ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();
        try (MosquittoBroker broker = MosquittoBroker.start(folder -> "allow_anonymous true\n" + webSocketListener(wsPort, ""));
             BrokerConnection c = BrokerConnections.open(
                     ConnectionSettings.of("ws://127.0.0.1:" + wsPort + "/mqtt", "ws-client"), received::add)) {
            awaitListening(wsPort);
            c.connect().get(15, TimeUnit.SECONDS);
            c.subscribe("ws/#", 1).get(10, TimeUnit.SECONDS);
            c.publish("ws/x", "over-ws".getBytes(StandardCharsets.UTF_8), 1, false).get(10, TimeUnit.SECONDS);

            Eventually.await(WAIT, () -> !received.isEmpty(), "nothing came back over the WebSocket");
            assertEquals("5.0", c.negotiated().orElseThrow().protocolVersion());
        }
    }

    @Test
    void aWrongWebSocketPathIsReportedAsSuch() throws Exception {
        // Mosquitto accepts MQTT on any WebSocket path (measured), so the wrong path is tried on a broker
        // that serves only /mqtt, as cloud brokers do.
        try (AedesBroker aedes = AedesBroker.startWebSocket("/mqtt");
             BrokerConnection right = BrokerConnections.open(
                     ConnectionSettings.of(aedes.webSocketUri("/mqtt"), "ws-right"), m -> { });
             BrokerConnection wrong = BrokerConnections.open(
                     ConnectionSettings.of(aedes.webSocketUri("/ws"), "ws-wrong"), m -> { })) {
            right.connect().get(20, TimeUnit.SECONDS);
            assertEquals("3.1.1", right.negotiated().orElseThrow().protocolVersion(), "Auto fell back over ws too");

            assertThrows(ExecutionException.class, () -> wrong.connect().get(20, TimeUnit.SECONDS));

            ConnectionFailure failure = wrong.lastFailure().orElseThrow();
            assertEquals(FailureKind.WEBSOCKET_PATH, failure.kind(), failure.toString());
        }
    }

    @Test
    void secureWebSocketsWithTheTestCa() throws Exception {
        int wsPort = FreePorts.any("127.0.0.1");
        try (TestPki pki = TestPki.create();
             MosquittoBroker broker = MosquittoBroker.start(folder -> "allow_anonymous true\n"
                     + webSocketListener(wsPort, pki.mosquittoTls(TestPki.Server.GOOD, false)));
             BrokerConnection c = BrokerConnections.open(ConnectionSettings.of("wss://127.0.0.1:" + wsPort + "/mqtt", "wss")
                     .withTls(TlsOptions.defaults().withCaFile(pki.caCertificate())), m -> { })) {
            awaitListening(wsPort);
            c.connect().get(15, TimeUnit.SECONDS);
            assertEquals(ConnectionState.CONNECTED, c.state());
        }
    }

    // Mosquitto 2.0.11 refuses to start with only a WebSocket listener ("Unable to start any listening
    // sockets"), so it is a second listener beside the plain one. It binds every interface whatever address
    // is given; the test only ever dials loopback.
    private static String webSocketListener(int port, String extra) {
        return "listener " + port + " 127.0.0.1\nprotocol websockets\n" + extra;
    }

    private static void awaitListening(int port) {
        Eventually.await(WAIT, () -> FreePorts.isListening("127.0.0.1", port), "no WebSocket listener on " + port);
    }
}
