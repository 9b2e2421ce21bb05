package org.brokerscope.ui.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.brokerscope.BrokerscopeApp;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.settings.ConfigDirectory;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app, watching its embedded HiveMQ with the demo house, switched by the user (Ctrl+K) to a
 * Mosquitto and back: the tree, the selection, the chart, the subscriptions list and the rooms follow the broker.
 */
class BrokerSwitchWindowTest {
    private static final long WAIT_S = 30;
    @TempDir
    static Path configDir;
    private static Application app;
    private static MosquittoBroker mosquitto;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        mosquitto = MosquittoBroker.start();
        try (BrokerConnection c = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "switch-seed"), m -> { })) {
            c.connect().get(WAIT_S, TimeUnit.SECONDS);
            c.publish("usine/ligne1/vitesse", "12".getBytes(StandardCharsets.UTF_8), 1, true).get(WAIT_S, TimeUnit.SECONDS);
            c.publish("usine/ligne2/vitesse", "9".getBytes(StandardCharsets.UTF_8), 1, true).get(WAIT_S, TimeUnit.SECONDS);
        }
        System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, configDir.toString());
        Files.writeString(configDir.resolve("settings.json"),
                "{\"language\":\"en\",\"embeddedBrokerPort\":0,\"demoSensors\":true}");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(BrokerscopeApp.class);
    }

    @AfterAll
    static void closeEverything() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        System.clearProperty(ConfigDirectory.OVERRIDE_PROPERTY);
        mosquitto.close();
    }

    @Test
    void theTreeSelectionChartAndSubscriptionsFollowTheBrokerTheUserSwitchesTo() throws Exception {
        await(() -> text("#connectionLabel").equals("Connected") && shows("salon"));
        // Select and chart one of the demo house's topics, found with the search box.
        robot.clickOn("#searchField").write("salon/temperature");
        await(() -> shows("temperature") && !shows("cuisine"));
        robot.clickOn(cell("temperature"));
        await(() -> text("#topicLabel").equals("maison/salon/temperature"));
        robot.rightClickOn(cell("temperature")).clickOn("Chart this topic");
        await(() -> legend().size() == 1);
        robot.doubleClickOn("#searchField").eraseText(20);
        await(() -> shows("cuisine"));
        await(() -> subscriptions().contains("#"));

        connectTo(() -> {
            robot.clickOn("#newButton");
            robot.clickOn("#urlField").write("mqtt://127.0.0.1:" + mosquitto.port()).type(KeyCode.ENTER);
            robot.doubleClickOn("#subscriptionsArea").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                    .write("usine/# 1");
        });
        await(() -> text("#brokerLabel").endsWith(":" + mosquitto.port()));
        await(() -> shows("ligne1") && !shows("maison") && !shows("salon"));
        assertEquals(List.of(), legend(), "the old broker's series left the chart");
        assertEquals("Select a topic to inspect it", text("#topicLabel"), "the old broker's topic left the inspector");
        await(() -> subscriptions().contains("usine/#") && !subscriptions().contains("#"));
        // The demo sensors keep publishing to the embedded broker: none of it comes back into the tree.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < until) {
            assertFalse(shows("maison"), "a topic of the old broker came back");
            Thread.sleep(200);
        }
        // The Rooms dashboard forgets the old broker's rooms too and shows the new broker's.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        await(() -> roomNames().contains("ligne1") && !roomNames().contains("salon"));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        await(() -> shows("ligne1"));

        connectTo(() -> robot.clickOn("Embedded broker (Brokerscope)"));
        await(() -> !text("#brokerLabel").endsWith(":" + mosquitto.port()));
        await(() -> shows("salon") && !shows("ligne1") && !shows("usine"));
        await(() -> subscriptions().contains("#") && !subscriptions().contains("usine/#"));
    }

    // Opens the dialog with Ctrl+K, lets the test fill it, connects and closes it once connected.
    private void connectTo(Runnable fill) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        await(() -> robot.lookup("#connectButton").tryQuery().isPresent());
        fill.run();
        robot.clickOn("#connectButton");
        await(() -> !text("#grantedLabel").isEmpty());
        assertTrue(text("#errorLabel").isEmpty(), text("#errorLabel"));
        robot.clickOn("#closeButton");
        await(() -> robot.lookup("#connectButton").tryQuery().isEmpty());
    }

    private List<String> legend() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#legend").queryAs(javafx.scene.layout.FlowPane.class)
                .getChildren().stream().map(n -> ((Label) n).getText()).toList()).get(WAIT_S, TimeUnit.SECONDS);
    }

    private javafx.scene.Node cell(String level) {
        return robot.lookup(".topics-view .tree-table-row-cell .tree-table-cell").queryAll().stream()
                .filter(n -> n.isVisible() && level.equals(((Labeled) n).getText())).findFirst().orElseThrow();
    }

    private List<String> subscriptions() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<SubscriptionsViewModel.Row> list = robot.lookup(".topics-view #list").queryAs(ListView.class);
            return list.getItems().stream().map(r -> r.subscription().filter()).toList();
        }).get(WAIT_S, TimeUnit.SECONDS);
    }

    private List<String> roomNames() {
        return robot.lookup(".room-card .room-name").queryAll().stream().filter(javafx.scene.Node::isVisible)
                .map(n -> ((Labeled) n).getText()).toList();
    }

    private boolean shows(String level) {
        return robot.lookup(".topics-view .tree-table-row-cell .tree-table-cell").queryAll().stream()
                .anyMatch(n -> n.isVisible() && level.equals(((Labeled) n).getText()));
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, condition);
    }
}
