package org.brokerscope.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.brokerscope.BrokerscopeApp;
import org.brokerscope.domain.Message;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.settings.ConfigDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Publish view in the real app, against the real embedded broker: typed into like a user would, with
 * a separate MQTT client checking what arrives.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishViewTest {
    @TempDir
    static Path configDir;
    private static Application app;
    private static BrokerConnection watcher;
    private static final ConcurrentLinkedQueue<Message> arrived = new ConcurrentLinkedQueue<>();
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, configDir.toString());
        Files.writeString(configDir.resolve("settings.json"),
                "{\"language\":\"en\",\"embeddedBrokerPort\":0,\"demoSensors\":true}");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(BrokerscopeApp.class);
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#connectionLabel").queryAs(Label.class).getText().equals("Connected"));
        String broker = robot.lookup("#brokerLabel").queryAs(Label.class).getText().replace("Broker mqtt://", "tcp://");
        watcher = new PahoV5Connection(ConnectionSettings.of(broker, "publish-view-watcher"), arrived::add);
        watcher.connect().get(10, TimeUnit.SECONDS);
        watcher.subscribe("classe/#", 1).get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void closeWindow() throws Exception {
        watcher.close();
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        // The primary stage is shared by every window test in this JVM; the app reopens the view its scene
        // remembers, so leave no scene behind, or the next test would start on Publish.
        javafx.stage.Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        new FxRobot().interact(() -> stage.setScene(null));
        System.clearProperty(ConfigDirectory.OVERRIDE_PROPERTY);
    }

    @Test
    @Order(1)
    void anInvalidTopicDisablesSendWithTheReason() {
        robot.clickOn("#nav-publish");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(send().isDisabled(), "an empty topic cannot be sent");
        assertEquals("The topic is empty.", text("#topicMessage"));

        robot.clickOn("#topicField").write("maison/+/temperature");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(send().isDisabled());
        assertEquals("+ and # are wildcards for subscribing; a published topic cannot contain them.", text("#topicMessage"));

        replaceTopic("$SYS/test");
        assertFalse(send().isDisabled(), "$ is only a warning");
        assertTrue(text("#topicMessage").startsWith("Warning: topics starting with $"), text("#topicMessage"));
    }

    @Test
    @Order(2)
    void theTopicFieldSuggestsLiveTopics() throws Exception {
        replaceTopic("maison/sa");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("maison/salon/temperature").tryQuery().isPresent());
        robot.clickOn("maison/salon/temperature");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("maison/salon/temperature", field("#topicField").getText());
    }

    @Test
    @Order(3)
    void fillingTheFormAndSendingShowsItInTheHistoryItArrivesAndTheTopicsViewListsIt() throws Exception {
        replaceTopic("classe/tableau");
        robot.clickOn("#payloadArea").write("Bonjour {counter}");
        robot.clickOn("#qos1");
        robot.clickOn("#retainBox");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("9 bytes", text("#payloadSize"));

        clickSend();

        TableView<?> history = robot.lookup("#historyTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 1);
        HistoryEntry entry = (HistoryEntry) history.getItems().getFirst();
        assertEquals("classe/tableau", entry.topic());
        assertEquals(1, entry.qos());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> entry.resultProperty().get().startsWith("Accepted by the broker"));
        assertTrue(text("#resultLabel").contains("Accepted by the broker"), text("#resultLabel"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> arrived.stream().anyMatch(m -> m.topic().equals("classe/tableau")
                && new String(m.payload(), StandardCharsets.UTF_8).equals("Bonjour 1") && m.qos() == 1));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        // The tree shows levels: classe > tableau.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("tableau").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @Order(4)
    void mqtt5PropertiesFromTheFormArrive() throws Exception {
        robot.clickOn("More: MQTT 5 properties");
        robot.clickOn("#contentTypeField").write("text/plain");
        robot.clickOn("#expiryField").write("600");
        clickSend();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> arrived.stream().anyMatch(m -> m.topic().equals("classe/tableau")
                && m.properties().contentType().orElse("").equals("text/plain")
                && m.properties().messageExpiryInterval().orElse(0) > 500));
        assertTrue(arrived.stream().anyMatch(m -> new String(m.payload(), StandardCharsets.UTF_8).equals("Bonjour 2")),
                "{counter} counts the sends");
        robot.clickOn("#expiryField").eraseText(3).write("-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(send().isDisabled(), "a negative expiry cannot be sent");
        assertTrue(text("#propertiesMessage").startsWith("Message expiry must be a whole number"), text("#propertiesMessage"));
        robot.clickOn("#expiryField").eraseText(2);
        robot.clickOn("More: MQTT 5 properties");
    }

    @Test
    @Order(5)
    void badJsonAndBadTemplatesAreExplainedAndBlockSending() {
        scrollForm(0);
        robot.clickOn("#payloadArea").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("{random:30:10}");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(send().isDisabled());
        assertEquals("The minimum is above the maximum: {random:30:10}", text("#payloadMessage"));

        robot.interact(() -> robot.lookup("#formatBox").queryComboBox().getSelectionModel().select(
                org.brokerscope.domain.PayloadFormat.JSON));
        robot.interact(() -> area().clear());
        robot.clickOn("#payloadArea").write("{\"t\": {random:20:21}, }");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text("#payloadMessage").startsWith("Not valid JSON: line 1"), text("#payloadMessage"));
        assertTrue(send().isDisabled());
    }

    @Test
    @Order(6)
    void reSendingFromTheHistorySendsTheSameBytesAgain() throws Exception {
        TableView<?> history = robot.lookup("#historyTable").queryAs(TableView.class);
        int before = history.getItems().size();
        robot.interact(() -> history.getSelectionModel().select(history.getItems().size() - 1));
        robot.clickOn("#resendButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == before + 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> arrived.stream()
                .filter(m -> new String(m.payload(), StandardCharsets.UTF_8).equals("Bonjour 1")).count() == 2);
        robot.interact(() -> history.getSelectionModel().select(history.getItems().size() - 1));
        robot.clickOn("#editButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Bonjour {counter}", area().getText(), "edit as new restores the form as typed");
    }

    // The form scrolls once the MQTT 5 properties are open: bring the button into view, then click it.
    private void clickSend() {
        scrollForm(1);
        robot.clickOn("#sendButton");
    }

    private void scrollForm(double to) {
        robot.interact(() -> robot.lookup(".publish-form-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(to));
    }

    @Test
    @Order(7)
    void sendAndAwaitResponseShowsTheReplyWithTheSameCorrelation() throws Exception {
        String broker = text("#brokerLabel").replace("Broker mqtt://", "tcp://");
        BrokerConnection[] responder = new BrokerConnection[1];
        // A device answering requests, as MQTT 5 request/response intends: to the response topic, same correlation.
        responder[0] = new PahoV5Connection(ConnectionSettings.of(broker, "publish-view-responder"), request ->
                request.properties().responseTopic().ifPresent(replyTo -> responder[0].send(
                        org.brokerscope.mqtt.PublishRequest.to(replyTo).payload("pong".getBytes(StandardCharsets.UTF_8))
                                .correlationData(request.properties().correlationData().orElse(new byte[0])).qos(1).build())));
        try (BrokerConnection device = responder[0]) {
            device.connect().get(10, TimeUnit.SECONDS);
            device.subscribe("service/ping", 1).get(10, TimeUnit.SECONDS);
            robot.interact(() -> robot.lookup("#formatBox").queryComboBox().getSelectionModel().select(
                    org.brokerscope.domain.PayloadFormat.TEXT));
            replaceTopic("service/ping");
            robot.interact(() -> area().setText("ping"));
            scrollForm(1);

            robot.clickOn("#requestButton");

            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text("#replyLabel").startsWith("Reply after"));
            assertTrue(text("#replyLabel").endsWith("ms: pong"), text("#replyLabel"));
        }
    }

    private void replaceTopic(String topic) {
        robot.interact(() -> field("#topicField").clear());
        robot.clickOn("#topicField").write(topic);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Button send() {
        return robot.lookup("#sendButton").queryButton();
    }

    private TextField field(String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    private TextArea area() {
        return robot.lookup("#payloadArea").queryAs(TextArea.class);
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
