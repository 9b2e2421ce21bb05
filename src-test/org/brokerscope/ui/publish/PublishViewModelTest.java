package org.brokerscope.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.brokerscope.AppStatus;
import org.brokerscope.ingest.IngestStats;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.PahoV3Connection;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Publish view model without a window, against a real Mosquitto: the test thread plays the FX thread
 * and hands it frames, as the FX pump would.
 */
class PublishViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path config;
    private MosquittoBroker mosquitto;
    private final List<BrokerConnection> connections = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        connections.forEach(BrokerConnection::close);
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void onMqtt311ThePropertiesAreRefusedWithAReasonAndPlainMessagesAreAcknowledged() throws Exception {
        mosquitto = MosquittoBroker.start();
        BrokerConnection v3 = connect(new PahoV3Connection(ConnectionSettings.of(mosquitto.tcpUri(), "vm-v3"), m -> { }));
        PublishViewModel model = model(v3);
        model.onFrame(frame());
        assertFalse(model.connection().mqtt5Property().get());
        assertEquals("Connected with MQTT 3.1.1: no message properties, no reason codes.",
                model.connection().protocolNoteProperty().get());

        model.form().topicProperty().set("classe/v3");
        model.form().contentTypeProperty().set("text/plain");
        assertTrue(model.sendDisabledProperty().get());
        assertTrue(model.propertiesMessageProperty().get().contains("MQTT 3.1.1"), model.propertiesMessageProperty().get());

        model.form().contentTypeProperty().set("");
        model.form().qosProperty().set(1);
        assertFalse(model.sendDisabledProperty().get());
        model.send();
        awaitFrames(model, () -> model.history().getFirst().resultProperty().get().equals("Accepted by the broker."),
                () -> model.history().getFirst().resultProperty().get());
    }

    @Test
    void whileOfflineTheQueueIsShownAndDrainsAfterTheReconnect() throws Exception {
        mosquitto = MosquittoBroker.start();
        BrokerConnection v5 = connect(new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "vm-v5"), m -> { }));
        PublishViewModel model = model(v5);
        model.form().topicProperty().set("classe/offline");
        model.form().payloadTextProperty().set("n={counter}");
        mosquitto.stop();
        awaitFrames(model, () -> v5.state() == ConnectionState.RECONNECTING, v5::state);

        model.send();
        model.form().qosProperty().set(2);
        model.send();
        model.onFrame(frame());

        assertTrue(model.history().get(1).resultProperty().get().startsWith("Not sent: the connection is down and a QoS 0"),
                model.history().get(1).resultProperty().get());
        assertTrue(model.history().getFirst().resultProperty().get().startsWith("Queued"));
        assertEquals("Offline queue: 1 of 100 waiting", model.connection().queueTextProperty().get());
        assertEquals(List.of("classe/offline · QoS 2"), model.connection().queued());

        mosquitto.restart();
        awaitFrames(model, () -> model.history().getFirst().resultProperty().get().startsWith("Accepted by the broker"),
                () -> model.history().getFirst().resultProperty().get());
        awaitFrames(model, () -> model.connection().queued().isEmpty(), model.connection()::queued);
    }

    @Test
    void templatesPersistAsJsonAndACorruptFileIsKeptAside() throws Exception {
        PublishViewModel model = model(null);
        model.form().topicProperty().set("maison/salon/lampe");
        model.form().payloadTextProperty().set("{\"on\": {counter}}");
        model.form().qosProperty().set(2);
        model.templates().nameProperty().set("Lampe");
        model.templates().save();
        model.onFrame(frame());
        assertEquals("Template “Lampe” saved.", model.templates().statusProperty().get());
        String json = Files.readString(config.resolve(PublishTemplates.FILE_NAME));
        assertTrue(json.contains("\"name\" : \"Lampe\"") && json.contains("maison/salon/lampe"), json);

        PublishViewModel reopened = model(null);
        reopened.onFrame(frame());
        assertEquals(List.of("Lampe"), reopened.templates().names());
        reopened.templates().load("Lampe");
        assertEquals("maison/salon/lampe", reopened.form().topicProperty().get());
        assertEquals(2, reopened.form().qosProperty().get());

        Files.writeString(config.resolve(PublishTemplates.FILE_NAME), "{ not json");
        PublishViewModel afterCorruption = model(null);
        afterCorruption.onFrame(frame());
        assertTrue(afterCorruption.templates().statusProperty().get().startsWith("Your templates file could not be read"),
                afterCorruption.templates().statusProperty().get());
        try (var files = Files.list(config)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith(PublishTemplates.FILE_NAME + ".corrupt-")));
        }
    }

    @Test
    void repeatSendsUpToTheCountWithTheCounter() throws Exception {
        mosquitto = MosquittoBroker.start();
        BrokerConnection v5 = connect(new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "vm-repeat"), m -> { }));
        PublishViewModel model = model(v5);
        model.form().topicProperty().set("classe/repeat");
        model.form().payloadTextProperty().set("{counter}");
        model.form().qosProperty().set(1);
        model.repeat().intervalMillisProperty().set("10");
        model.repeat().countProperty().set("25");

        model.repeat().start();
        awaitFrames(model, () -> !model.repeat().runningProperty().get(), model.repeat().statusProperty()::get);

        assertEquals("Sent 25 of 25 · 0 not delivered", model.repeat().statusProperty().get());
        assertEquals(25, model.history().size());
        assertEquals("25", new String(model.history().getFirst().request().payload()));
    }

    @Test
    void aPayloadOverTheBrokersMaximumIsFlaggedInTheFormBeforeSending() throws Exception {
        mosquitto = MosquittoBroker.start(folder -> "allow_anonymous true\nmax_packet_size 1000\n");
        BrokerConnection v5 = connect(new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "vm-max"), m -> { }));
        PublishViewModel model = model(v5);
        model.onFrame(frame());
        model.form().topicProperty().set("classe/big");
        model.form().payloadTextProperty().set("x".repeat(2000));

        assertTrue(model.sendDisabledProperty().get());
        assertTrue(model.payloadMessageProperty().get().contains("over the broker’s maximum of 1,000 bytes"),
                model.payloadMessageProperty().get());
        assertEquals("Connected with MQTT 5.0 · the broker accepts packets up to 1,000 bytes.",
                model.connection().protocolNoteProperty().get());
        model.form().payloadTextProperty().set("x".repeat(900));
        assertFalse(model.sendDisabledProperty().get());
    }

    @Test
    void prefillPutsTheTopicInTheFormAndChecksIt() {
        PublishViewModel model = model(null);
        assertTrue(model.sendDisabledProperty().get());

        model.prefill("maison/salon/lampe");

        assertEquals("maison/salon/lampe", model.form().topicProperty().get());
        assertEquals("Valid topic.", model.topicMessageProperty().get());
        assertFalse(model.sendDisabledProperty().get());
    }

    private BrokerConnection connect(BrokerConnection connection) throws Exception {
        connections.add(connection);
        connection.connect().get(10, TimeUnit.SECONDS);
        return connection;
    }

    @Test
    void topicSuggestionsForgetTheOldBrokersTopicsAfterASwitch() {
        PublishViewModel model = model(null);
        org.brokerscope.domain.Message m = org.brokerscope.domain.Message.received("maison/salon/temperature",
                "21".getBytes(), 0, false);
        var snapshot = new org.brokerscope.domain.TopicSnapshot(m.topic(), m, 1, 1, 1, 0, 0, m.receivedAtNanos(),
                m.receivedAtMillis(), false, 1);
        model.onFrame(frameOn("tcp://salle-a:1883", Map.of(m.topic(), snapshot)));
        assertEquals(List.of("maison/salon/temperature"), model.topicSuggestions("mai"));
        model.onFrame(frameOn("tcp://salle-a:1883", Map.of()));
        assertEquals(List.of("maison/salon/temperature"), model.topicSuggestions("mai"), "kept while on the same broker");
        model.onFrame(frameOn("tcp://salle-b:1883", Map.of()));
        assertEquals(List.of(), model.topicSuggestions("mai"));
    }

    private static Frame frameOn(String broker, Map<String, org.brokerscope.domain.TopicSnapshot> changes) {
        AppStatus status = new AppStatus(AppStatus.Phase.RUNNING, Optional.of(broker), Optional.empty(), Optional.empty());
        return new Frame(System.nanoTime(), status, ConnectionState.CONNECTED, IngestStats.ZERO, changes);
    }

    private PublishViewModel model(BrokerConnection connection) {
        PublishSession session = new PublishSession(() -> Optional.ofNullable(connection), config, Runnable::run,
                Clock.systemUTC());
        return new PublishViewModel(session, I18n.forLanguage("en"));
    }

    private static Frame frame() {
        return new Frame(System.nanoTime(), AppStatus.IDLE, ConnectionState.CONNECTED, IngestStats.ZERO, Map.of());
    }

    private static void awaitFrames(PublishViewModel model, BooleanSupplier condition, java.util.function.Supplier<Object> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            model.onFrame(frame());
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not true within " + WAIT.toSeconds() + " s; state: " + state.get());
            }
            Thread.sleep(16);
        }
    }
}
