package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;

/** Each failure a user must be able to read, produced for real and classified. */
class ConnectionFailureTest {

    @Test
    void theRightPasswordConnects() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.startWithPassword("eleve", "s3cret");
             BrokerConnection c = BrokerConnections.open(ConnectionSettings.of(mosquitto.tcpUri(), "pw-ok")
                     .withCredentials("eleve", "s3cret".toCharArray()), m -> { })) {
            c.connect().get(10, TimeUnit.SECONDS);

            assertEquals(ConnectionState.CONNECTED, c.state());
            assertTrue(c.lastFailure().isEmpty());
        }
    }

    @Test
    void aWrongPasswordIsBadCredentialsWithMosquittosReasonCode0x87() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.startWithPassword("eleve", "s3cret");
             BrokerConnection c = BrokerConnections.open(ConnectionSettings.of(mosquitto.tcpUri(), "pw-bad")
                     .withCredentials("eleve", "wrong".toCharArray()), m -> { })) {
            assertThrows(ExecutionException.class, () -> c.connect().get(10, TimeUnit.SECONDS));

            ConnectionFailure failure = c.lastFailure().orElseThrow();
            assertEquals(FailureKind.BAD_CREDENTIALS, failure.kind(), failure.toString());
            // Mosquitto 2.0.11 says 0x87 Not authorized for a wrong password, not 0x86.
            assertEquals(Optional.of(0x87), failure.reasonCode());
        }
    }

    @Test
    void aWrongPasswordOver311IsBadCredentialsWithMosquittosReturnCode5() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.startWithPassword("eleve", "s3cret");
             BrokerConnection c = BrokerConnections.open(ConnectionSettings.of(mosquitto.tcpUri(), "pw-bad-3")
                     .withProtocol(ProtocolChoice.MQTT_3_1_1).withCredentials("eleve", "wrong".toCharArray()),
                     m -> { })) {
            assertThrows(ExecutionException.class, () -> c.connect().get(10, TimeUnit.SECONDS));

            ConnectionFailure failure = c.lastFailure().orElseThrow();
            assertEquals(FailureKind.BAD_CREDENTIALS, failure.kind(), failure.toString());
            assertEquals(Optional.of(5), failure.reasonCode());
        }
    }

    @Test
    void anUnknownHostIsUnknownHost() throws Exception {
        // .invalid is reserved (RFC 2606): it never resolves.
        try (BrokerConnection c = BrokerConnections.open(
                ConnectionSettings.of("tcp://broker.brokerscope.invalid:1883", "unknown-host"), m -> { })) {
            assertThrows(ExecutionException.class, () -> c.connect().get(20, TimeUnit.SECONDS));

            assertEquals(FailureKind.UNKNOWN_HOST, c.lastFailure().orElseThrow().kind(), c.lastFailure().toString());
        }
    }

    @Test
    void aPortWhereNothingListensIsRefused() throws Exception {
        try (BrokerConnection c = BrokerConnections.open(
                ConnectionSettings.of("tcp://127.0.0.1:" + unusedPort(), "refused"), m -> { })) {
            assertThrows(ExecutionException.class, () -> c.connect().get(10, TimeUnit.SECONDS));

            assertEquals(FailureKind.REFUSED, c.lastFailure().orElseThrow().kind(), c.lastFailure().toString());
        }
    }

    @Test
    void credentialsNeverShowInTheSettingsText() {
        ConnectionSettings settings = ConnectionSettings.of("tcp://127.0.0.1:1883", "x")
                .withCredentials("eleve", "s3cret".toCharArray());

        assertTrue(!settings.toString().contains("s3cret") && settings.toString().contains("eleve"), settings.toString());
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
