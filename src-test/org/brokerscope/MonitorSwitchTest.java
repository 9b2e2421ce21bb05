package org.brokerscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.brokerscope.AppStatus.Phase;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.domain.profile.Subscription;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.BrokerConnections;
import org.brokerscope.mqtt.ConnectionFailures;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.FailureKind;
import org.brokerscope.settings.AppSettings;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Switching the app's monitor connection from the embedded broker to a Mosquitto with a login, for real. */
class MonitorSwitchTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private AppServices services;

    @AfterEach
    void closeEverything() {
        if (services != null) {
            services.close();
        }
        executor.shutdownNow();
    }

    @Test
    void aFailedSwitchKeepsTheOldMonitorAndARightOneFeedsTheIngestFromTheNewBroker() throws Exception {
        services = new AppServices(new AppSettings("en", 0, false));
        services.start(executor);
        Eventually.await(Duration.ofSeconds(60), () -> services.status().phase() == Phase.RUNNING,
                () -> "status " + services.status());
        BrokerConnection embedded = services.monitor().orElseThrow();
        String embeddedUrl = services.status().brokerUrl().orElseThrow();

        try (MosquittoBroker mosquitto = MosquittoBroker.startWithPassword("eleve", "s3cret")) {
            ConnectionSettings wrong = ConnectionSettings.of(mosquitto.tcpUri(), "switch-test")
                    .withCredentials("eleve", "nope".toCharArray());
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> services.switchMonitor(wrong, Subscription.defaults()).get(30, TimeUnit.SECONDS));
            assertEquals(FailureKind.BAD_CREDENTIALS, ConnectionFailures.atConnect(refused.getCause(), true).kind());
            assertSame(embedded, services.monitor().orElseThrow(), "a failed switch must keep the old monitor");
            assertEquals(ConnectionState.CONNECTED, services.connectionState());
            assertEquals(embeddedUrl, services.status().brokerUrl().orElseThrow());

            ConnectionSettings right = ConnectionSettings.of(mosquitto.tcpUri(), "switch-test")
                    .withCredentials("eleve", "s3cret".toCharArray());
            BrokerConnection switched = services.switchMonitor(right, List.of(new Subscription("maison/#", 1)))
                    .get(30, TimeUnit.SECONDS);

            assertSame(switched, services.monitor().orElseThrow());
            assertEquals(mosquitto.tcpUri(), services.status().brokerUrl().orElseThrow());
            Eventually.await(WAIT, () -> embedded.state() == ConnectionState.CLOSED, "the old monitor was not closed");
            publish(mosquitto, "maison/cuisine/co2", "612");
            TopicSnapshot co2 = awaitTopic("maison/cuisine/co2");
            assertEquals("612", new String(co2.lastMessage().orElseThrow().payload(), StandardCharsets.UTF_8));

            // The status bar's countdown follows the new monitor.
            mosquitto.stop();
            Eventually.await(WAIT, () -> services.nextReconnectAttempt().isPresent(), "no countdown after the loss");
            mosquitto.restart();
            services.reconnectNow();
            Eventually.await(WAIT, () -> services.connectionState() == ConnectionState.CONNECTED,
                    () -> "state " + services.connectionState());
        }
    }

    private static void publish(MosquittoBroker mosquitto, String topic, String payload) throws Exception {
        try (BrokerConnection publisher = BrokerConnections.open(ConnectionSettings.of(mosquitto.tcpUri(), "switch-pub")
                .withCredentials("eleve", "s3cret".toCharArray()), m -> { })) {
            publisher.connect().get(10, TimeUnit.SECONDS);
            publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true).get(10, TimeUnit.SECONDS);
        }
    }

    private TopicSnapshot awaitTopic(String topic) {
        Map<String, TopicSnapshot> seen = new HashMap<>();
        Eventually.await(WAIT, () -> {
            seen.putAll(services.ingest().takeChanges());
            return seen.containsKey(topic);
        }, () -> "no " + topic + "; topics " + seen.keySet());
        return seen.get(topic);
    }
}
