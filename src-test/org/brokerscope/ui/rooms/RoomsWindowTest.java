package org.brokerscope.ui.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.brokerscope.BrokerscopeApp;
import org.brokerscope.settings.ConfigDirectory;
import org.brokerscope.testing.MosquittoBroker;
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
 * The Rooms view in the real main window, on the embedded broker with the demo house, fed by
 * mosquitto_pub like a student's script: new rooms get cards, a value over the threshold turns its tile
 * to alarm and shows a notification, and a sensor that falls silent is marked stale.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoomsWindowTest {
    private static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    @TempDir
    static Path configDir;
    private static Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, configDir.toString());
        Files.writeString(configDir.resolve("settings.json"),
                "{\"language\":\"en\",\"embeddedBrokerPort\":0,\"demoSensors\":true}");
        javafx.stage.Stage primary = FxToolkit.registerPrimaryStage();
        // Another test class may have left its scene on the shared primary stage: start as on a fresh one.
        FxToolkit.setupFixture(() -> primary.setScene(null));
        app = FxToolkit.setupApplication(BrokerscopeApp.class);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        // The app remembers the shown view on the shared primary stage's scene: leave none behind.
        javafx.stage.Stage primary = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> primary.setScene(null));
        System.clearProperty(ConfigDirectory.OVERRIDE_PROPERTY);
    }

    @Test
    @Order(1)
    void theDemoHouseShowsOneCardPerRoomAndAHouseCard() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cardKeys().containsAll(Set.of("maison/salon", "maison/cuisine", "maison/chambre")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".house-card").queryAll().size() == 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> card("maison/chambre").tiles().size() == 2);
        assertEquals(Set.of("temperature", "humidity"), card("maison/chambre").tiles().keySet());
    }

    @Test
    @Order(2)
    void hiddenCardsGoAwayAndComeBack() throws Exception {
        // Also makes room on screen: tiles of cards scrolled out of sight are not updated.
        hide("maison/cuisine");
        hide("maison/salon");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cardKeys().equals(Set.of("maison/chambre")));
        assertTrue(robot.lookup("Show hidden (2)").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(configDir.resolve("rooms.json")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(configDir.resolve("rooms.json")).contains("maison/salon"));
    }

    @Test
    @Order(3)
    void aNewRoomGetsACard() throws Exception {
        pub("maison/bureau/co2", "650 ppm");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> cardKeys().contains("maison/bureau"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> card("maison/bureau").tiles().containsKey("co2"));
    }

    @Test
    @Order(4)
    void aValueOverTheThresholdTurnsTheTileToAlarmAndShowsANotification() throws Exception {
        pub("maison/bureau/co2", "1500");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> card("maison/bureau").tiles().get("co2").getPseudoClassStates().contains(ALARM));
        assertTrue(card("maison/bureau").getPseudoClassStates().contains(ALARM), "the card shows the alarm too");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".notification-bar").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".notification-bar").queryAll().stream()
                .flatMap(bar -> bar.lookupAll(".label").stream()).map(l -> ((javafx.scene.control.Labeled) l).getText())
                .anyMatch(t -> t != null && t.contains("maison/bureau: CO2 is 1500")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Fired").tryQuery().isPresent());
        pub("maison/bureau/co2", "900");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !card("maison/bureau").tiles().get("co2").getPseudoClassStates().contains(ALARM));
    }

    @Test
    @Order(5)
    void aSensorThatFallsSilentIsMarkedStale() throws Exception {
        hide("maison/bureau"); // keeps the new card on screen, where tiles are updated
        for (int i = 0; i < 4; i++) {
            pub("maison/garage/temperature/t1", "12");
            Thread.sleep(300);
        }
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> cardKeys().contains("maison/garage"));
        // Silent for more than 3 times its usual interval (about 0.3 s plus process start-up).
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> card("maison/garage").tiles().get("temperature").getPseudoClassStates().contains(STALE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> card("maison/garage").lookupAll(".room-sensor").stream()
                .map(Label.class::cast).anyMatch(l -> l.getPseudoClassStates().contains(STALE)
                        && l.getText().contains("maison/garage/temperature/t1") && l.getText().contains("stale")));
    }

    private void hide(String room) throws Exception {
        robot.clickOn(card(room).lookup(".hide-room"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !cardKeys().contains(room));
    }

    private static RoomCard card(String key) {
        return new FxRobot().lookup(".room-card").queryAll().stream().filter(n -> key.equals(n.getUserData()))
                .map(RoomCard.class::cast).findFirst().orElseThrow(() -> new AssertionError("no card " + key));
    }

    private Set<Object> cardKeys() {
        return Set.copyOf(robot.lookup(".room-card").queryAll().stream().map(Node::getUserData).toList());
    }

    private void pub(String topic, String payload) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#brokerLabel").queryAs(Label.class).getText().startsWith("Broker mqtt://"));
        String broker = robot.lookup("#brokerLabel").queryAs(Label.class).getText();
        String port = broker.substring(broker.lastIndexOf(':') + 1);
        MosquittoBroker.run("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-t", topic, "-m", payload);
    }
}
