package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.brokerscope.broker.BrokerOptions;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.domain.Message;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reconnect, countdown, "reconnect now" and client-ID takeover, against a real Mosquitto. */
class ReconnectTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

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

    @ParameterizedTest
    @EnumSource(value = ProtocolChoice.class, names = {"MQTT_5", "MQTT_3_1_1"})
    void aBrokerRestartedThreeTimesIsRejoinedAndResubscribedEachTime(ProtocolChoice protocol) throws Exception {
        BrokerConnection monitor = open(ConnectionSettings.of(mosquitto.tcpUri(), "restart-monitor").withProtocol(protocol),
                received::add);
        monitor.connect().get(10, TimeUnit.SECONDS);
        monitor.subscribe("maison/#", 1).get(10, TimeUnit.SECONDS);

        for (int round = 1; round <= 3; round++) {
            mosquitto.stop();
            // While an attempt is in flight there is no countdown; with the broker down each attempt fails and
            // sets the next one, so the countdown must show between attempts.
            java.util.concurrent.atomic.AtomicReference<Optional<Instant>> seen = new java.util.concurrent.atomic.AtomicReference<>();
            Eventually.await(WAIT, () -> monitor.state() == ConnectionState.RECONNECTING
                            && seen.updateAndGet(x -> monitor.nextReconnectAttempt()).isPresent(),
                    () -> "no countdown while reconnecting; state " + monitor.state());
            Optional<Instant> next = seen.get();
            assertTrue(next.isPresent(), "no countdown while reconnecting");
            assertTrue(next.get().isBefore(Instant.now().plusSeconds(31)), "past the 30 s cap: " + next.get());
            mosquitto.restart(); // a fresh broker: it knows nothing of the subscription

            Eventually.await(WAIT, () -> monitor.state() == ConnectionState.CONNECTED,
                    () -> "no reconnect; state " + monitor.state() + ", " + monitor.lastError());
            String payload = "round-" + round;
            publishRetained("maison/salon/temperature", payload, protocol);
            Eventually.await(WAIT, () -> received.stream().anyMatch(m -> payload.equals(text(m))),
                    () -> "nothing after restart " + payload + "; received " + received.stream().map(ReconnectTest::text).toList());
            assertTrue(monitor.nextReconnectAttempt().isEmpty(), "a countdown while connected");
        }
        assertNotEquals(Optional.of(FailureKind.CLIENT_ID_TAKEN_OVER), monitor.lastFailure().map(ConnectionFailure::kind));
    }

    @Test
    void reconnectNowDoesNotWaitForTheCountdown() throws Exception {
        Backoff slow = new Backoff(Duration.ofSeconds(60), Duration.ofSeconds(60), () -> 0.5);
        BrokerConnection monitor = open(new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "now-monitor"),
                received::add, slow));
        monitor.connect().get(10, TimeUnit.SECONDS);
        monitor.subscribe("now/#", 1).get(10, TimeUnit.SECONDS);
        mosquitto.stop();
        Eventually.await(WAIT, () -> monitor.state() == ConnectionState.RECONNECTING, () -> "state " + monitor.state());
        Instant next = monitor.nextReconnectAttempt().orElseThrow();
        assertTrue(next.isAfter(Instant.now().plusSeconds(30)), "the test needs a long countdown, got " + next);
        mosquitto.restart();

        monitor.reconnectNow();

        Eventually.await(Duration.ofSeconds(15), () -> monitor.state() == ConnectionState.CONNECTED,
                () -> "reconnect now did nothing; state " + monitor.state() + ", " + monitor.lastError());
        publishRetained("now/x", "back", ProtocolChoice.MQTT_5);
        Eventually.await(WAIT, () -> received.stream().anyMatch(m -> "back".equals(text(m))), "not resubscribed");
    }

    @Test
    void onMqtt5AHiveMqBrokerSays0x8EAndTheOlderClientStopsWithoutStealingTheIdBack() throws Exception {
        try (EmbeddedBroker hivemq = EmbeddedBroker.start(BrokerOptions.onPort(0))) {
            String uri = hivemq.endpoint().tcpUri();
            BrokerConnection first = open(ConnectionSettings.of(uri, "same-id"), m -> { });
            first.connect().get(10, TimeUnit.SECONDS);
            BrokerConnection second = open(ConnectionSettings.of(uri, "same-id"), m -> { });
            second.connect().get(10, TimeUnit.SECONDS);

            Eventually.await(WAIT, () -> first.state() == ConnectionState.FAILED, () -> "first is " + first.state());
            ConnectionFailure why = first.lastFailure().orElseThrow();
            assertEquals(FailureKind.CLIENT_ID_TAKEN_OVER, why.kind(), why.toString());
            assertEquals(Optional.of(0x8E), why.reasonCode(), "HiveMQ sends DISCONNECT 0x8E Session taken over");
            assertTrue(first.nextReconnectAttempt().isEmpty(), "a reconnect is still scheduled");
            assertEquals(ConnectionState.CONNECTED, second.state());
            connections.forEach(BrokerConnection::close);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolChoice.class, names = {"MQTT_5", "MQTT_3_1_1"})
    void onMosquittoTwoClientsWithOneIdSettleWithOneConnectedAndOneExplained(ProtocolChoice protocol) throws Exception {
        Backoff quick = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), () -> 0.5);
        ConnectionSettings settings = ConnectionSettings.of(mosquitto.tcpUri(), "same-id-" + protocol).withProtocol(protocol);
        BrokerConnection first = open(connection(settings, quick));
        BrokerConnection second = open(connection(settings, quick));
        first.connect().get(10, TimeUnit.SECONDS);
        second.connect().get(10, TimeUnit.SECONDS);

        // Mosquitto 2.0.11 closes the older socket without a DISCONNECT 0x8E, even on MQTT 5, and each
        // reconnect then drops the other client: only the pattern of short sessions tells.
        Eventually.await(Duration.ofSeconds(40), () -> first.state() == ConnectionState.FAILED
                        || second.state() == ConnectionState.FAILED,
                () -> "still fighting: " + first.state() + " / " + second.state());
        BrokerConnection loser = first.state() == ConnectionState.FAILED ? first : second;
        BrokerConnection winner = loser == first ? second : first;
        ConnectionFailure why = loser.lastFailure().orElseThrow();
        assertEquals(FailureKind.CLIENT_ID_TAKEN_OVER, why.kind(), why.toString());
        assertEquals(Optional.empty(), why.reasonCode(), "no code: the broker sent none");
        assertTrue(loser.nextReconnectAttempt().isEmpty(), "the loser still plans to reconnect");
        Eventually.await(WAIT, () -> winner.state() == ConnectionState.CONNECTED, () -> "winner is " + winner.state());
    }

    private static BrokerConnection connection(ConnectionSettings settings, Backoff backoff) {
        return settings.protocol() == ProtocolChoice.MQTT_5 ? new PahoV5Connection(settings, m -> { }, backoff)
                : new PahoV3Connection(settings, m -> { }, backoff);
    }

    private void publishRetained(String topic, String payload, ProtocolChoice protocol) throws Exception {
        try (BrokerConnection publisher = BrokerConnections.open(
                ConnectionSettings.of(mosquitto.tcpUri(), "restart-pub").withProtocol(protocol), m -> { })) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            // Retained: it arrives whether the resubscribe lands before or after this publish.
            publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true).get(10, TimeUnit.SECONDS);
        }
    }

    private BrokerConnection open(ConnectionSettings settings, MessageSink sink) {
        return open(BrokerConnections.open(settings, sink));
    }

    private BrokerConnection open(BrokerConnection connection) {
        connections.add(connection);
        return connection;
    }

    private static String text(Message m) {
        return new String(m.payload(), StandardCharsets.UTF_8);
    }
}
