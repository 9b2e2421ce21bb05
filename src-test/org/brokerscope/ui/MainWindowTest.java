package org.brokerscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.brokerscope.BrokerscopeApp;
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
 * The real main window, against the real embedded broker and demo sensors, driven like a user would:
 * clicks, shortcuts and the language menu; then closed, leaving no threads behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowTest {
    @TempDir
    static Path configDir;
    private static Set<Thread> threadsBefore;
    private static Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, configDir.toString());
        // Port 0: the test must not depend on 1883 being free on the machine running it.
        Files.writeString(configDir.resolve("settings.json"),
                "{\"language\":\"en\",\"embeddedBrokerPort\":0,\"demoSensors\":true}");
        FxToolkit.registerPrimaryStage();
        threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
        app = FxToolkit.setupApplication(BrokerscopeApp.class);
    }

    @AfterAll
    static void clearProperty() {
        System.clearProperty(ConfigDirectory.OVERRIDE_PROPERTY);
    }

    @Test
    @Order(1)
    void statusBarShowsConnectedAndLiveRateWithinTenSeconds() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> text("#connectionLabel").equals("Connected") && !text("#rateLabel").startsWith("0 "));
        assertTrue(text("#brokerLabel").startsWith("Broker mqtt://127.0.0.1:"), text("#brokerLabel"));
        assertEquals("Dropped 0 · behind 0", text("#backlogLabel"));
    }

    @Test
    @Order(2)
    void topicsViewListsTheDemoHouse() throws Exception {
        TreeTableView<?> tree = robot.lookup(".topics-view .tree-table-view").queryAs(TreeTableView.class);
        // maison, three rooms and six topics, all open while the tree is small.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getExpandedItemCount() >= 10);
        // Items exist before their cells: wait for the row to be laid out, not just listed.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("salon").tryQuery().isPresent());
    }

    @Test
    @Order(3)
    void navigationByClickAndByShortcut() {
        robot.clickOn("#nav-rooms");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".rooms-view").tryQuery().isPresent(), "the rooms dashboard shows");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".topics-view").tryQuery().isPresent(), "Ctrl+1 shows Topics");
    }

    @Test
    @Order(4)
    void publishToThisTopicInTheTreeOpensThePublishFormFilledIn() throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("cuisine").tryQuery().isPresent());
        robot.rightClickOn("cuisine");
        robot.clickOn("Publish to this topic…");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".publish-view").tryQuery().isPresent());
        assertEquals("maison/cuisine", robot.lookup("#topicField").queryAs(TextField.class).getText());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @Order(5)
    void switchingToFrenchRebuildsTheWindowKeepsEveryTopicAndIsSaved() throws Exception {
        // A topic that is published once: after the rebuild only the model can bring its row back.
        String broker = text("#brokerLabel").replace("Broker mqtt://", "tcp://");
        try (BrokerConnection once = new PahoV5Connection(ConnectionSettings.of(broker, "test-once"), m -> { })) {
            once.connect().get(10, TimeUnit.SECONDS);
            once.publish("classe/tableau/message", "Bonjour".getBytes(StandardCharsets.UTF_8), 1, false).get(10, TimeUnit.SECONDS);
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("tableau").tryQuery().isPresent());

        robot.clickOn("View").clickOn("Language").clickOn("Français");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Pièces").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text("#connectionLabel").equals("Connecté"));
        assertTrue(Files.readString(configDir.resolve("settings.json")).contains("\"fr\""));
        assertTrue(robot.lookup(".topics-view").tryQuery().isPresent(), "the current view survives the switch");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("tableau").tryQuery().isPresent()
                && robot.lookup("Bonjour").tryQuery().isPresent());
    }

    @Test
    @Order(6)
    void closingStopsEverythingAndLeavesNoThreads() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String leftovers;
        do {
            leftovers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !t.isDaemon() && !threadsBefore.contains(t))
                    .map(Thread::getName).sorted().collect(Collectors.joining(", "));
            if (leftovers.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertEquals("", leftovers, "non-daemon threads left after the app stopped");
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
