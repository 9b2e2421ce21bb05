package org.brokerscope.ui.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.hansolo.tilesfx.Tile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.brokerscope.BrokerscopeApp;
import org.brokerscope.settings.ConfigDirectory;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.ui.PresenterTheme;
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
 * The Rooms view's rule editors and presenter theme in the real main window, fed by mosquitto_pub through
 * the embedded broker: a mapping rule and an alert rule typed in the dialogs are saved and act on the next
 * live messages; a wrong line keeps the dialog open with a clear message and the user's text, and saves
 * nothing; the presenter theme restyles the view and its TilesFX gauges (whose colours are set by API).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoomsEditorsWindowTest {
    private static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");
    private static final String RULE = "lab/{room}/sensor/{sensor}/{measure}";
    @TempDir
    static Path configDir;
    private static Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, configDir.toString());
        Files.writeString(configDir.resolve("settings.json"),
                "{\"language\":\"en\",\"embeddedBrokerPort\":0,\"demoSensors\":false}");
        javafx.stage.Stage primary = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> primary.setScene(null));
        app = FxToolkit.setupApplication(BrokerscopeApp.class);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        javafx.stage.Stage primary = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> primary.setScene(null));
        System.clearProperty(ConfigDirectory.OVERRIDE_PROPERTY);
    }

    @Test
    @Order(1)
    void aMappingRuleTypedInTheEditorIsSavedAndMapsTheNextLiveMessages() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        openEditor("Mapping rules…");
        robot.interact(() -> editor().setText(RULE));
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#rule-editor-text").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(rooms())
                && Files.readString(rooms()).contains("lab/{room}/sensor/{sensor}/{measure}"));
        // By the default layout this topic would be room "s1"; the rule makes it room "atelier". Published
        // again until seen: the app's own subscription may still be on its way when the window is up.
        for (int i = 0; i < 10 && cardKeys().stream().noneMatch(k -> k.endsWith("atelier")); i++) {
            pub("lab/atelier/sensor/s1/temperature", "19.5");
            awaitQuietly(() -> cardKeys().stream().anyMatch(k -> k.endsWith("atelier")));
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cardKeys().stream().anyMatch(k -> k.endsWith("atelier")));
        assertFalse(cardKeys().stream().anyMatch(k -> k.endsWith("s1")), "the rule, not the default layout, mapped it");
    }

    @Test
    @Order(2)
    void aWrongPatternKeepsTheDialogOpenWithAClearMessageAndSavesNothing() throws Exception {
        String saved = Files.readString(rooms());
        openEditor("Mapping rules…");
        String typed = RULE + "\nhome/{room}/#/{measure}";
        robot.interact(() -> editor().setText(typed));
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !errorText().isEmpty());
        assertTrue(errorText().startsWith("Nothing was saved, your text is kept:"), errorText());
        assertTrue(errorText().contains("# may only be the last level") && errorText().contains("home/{room}/#/{measure}"), errorText());
        assertEquals(typed, editor().getText(), "the user's text is still there to be fixed");
        Thread.sleep(500); // give a wrong save time to land, had there been one
        assertEquals(saved, Files.readString(rooms()));
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#rule-editor-text").tryQuery().isEmpty());
        pub("lab/atelier/sensor/s2/temperature", "20");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> card("atelier").getChildrenUnmodifiable().stream()
                .flatMap(n -> n.lookupAll(".room-info").stream()).map(Label.class::cast).anyMatch(l -> l.getText().startsWith("2 sensors")));
    }

    @Test
    @Order(3)
    void anAlertRuleTypedInTheEditorFiresOnTheNextLiveValue() throws Exception {
        openEditor("Alert rules…");
        robot.interact(() -> editor().setText("temperature: above banana"));
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> errorText().contains("line 1: not a number: banana"));
        robot.interact(() -> editor().setText("temperature: above 25 hyst 0.5"));
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#rule-editor-text").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(rooms()).contains("temperature: above 25 hyst 0.5"));
        pub("lab/atelier/sensor/s1/temperature", "26");
        pub("lab/atelier/sensor/s2/temperature", "26");
        // 26 °C is inside the default band (15–28): only the new rule makes it an alarm.
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> card("atelier").tiles().get("temperature").getPseudoClassStates().contains(ALARM));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Fired").tryQuery().isPresent());
    }

    @Test
    @Order(4)
    void thePresenterThemeRestylesTheViewAndItsGauges() throws Exception {
        pub("lab/atelier/sensor/s1/temperature", "21");
        pub("lab/atelier/sensor/s2/temperature", "21");
        MeasureTile tile = card("atelier").tiles().get("temperature");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !tile.getPseudoClassStates().contains(ALARM));
        Color deskValue = tile.tile().getValueColor();
        assertEquals(Tile.BACKGROUND, tile.tile().getBackgroundColor());
        robot.clickOn("#presenterButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> viewRoot().getStyleClass().contains(PresenterTheme.STYLE_CLASS));
        assertEquals(Color.BLACK, tile.tile().getBackgroundColor());
        assertEquals(Color.WHITE, tile.tile().getValueColor());
        assertEquals(MeasureTile.PRESENTER_SIZE, tile.tile().getPrefWidth());
        assertEquals(SeriesChart.Style.PRESENTER, card("atelier").chart().style());
        double nameSize = ((Label) card("atelier").lookup(".room-name")).getFont().getSize();
        assertTrue(nameSize >= 28, "large room names, was " + nameSize);

        robot.clickOn(card("atelier").lookup(".room-info")); // focus inside the view, then F11 as a presenter would
        robot.press(KeyCode.F11).release(KeyCode.F11);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !viewRoot().getStyleClass().contains(PresenterTheme.STYLE_CLASS));
        assertEquals(Tile.BACKGROUND, tile.tile().getBackgroundColor());
        assertEquals(deskValue, tile.tile().getValueColor());
        assertFalse(robot.lookup("#presenterButton").queryAs(ToggleButton.class).isSelected());
        assertEquals(SeriesChart.Style.DESK, card("atelier").chart().style());
    }

    private static void awaitQuietly(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            // not yet: the caller publishes again
        }
    }

    @Test
    @Order(5)
    void aggregatingAsAGroupMemberJoinsTheSharedSubscriptionAndIsSaved() throws Exception {
        // The switch toggles on its thumb, not on its text: set it as the thumb would.
        robot.interact(() -> robot.lookup("#publishSwitch").queryAs(org.controlsfx.control.ToggleSwitch.class).setSelected(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(rooms()).replaceAll("\\s", "").contains("\"publishAggregates\":true"));
        robot.clickOn("#groupCheck");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(rooms()).replaceAll("\\s", "").contains("\"aggregateAsGroup\":true"));
        for (int i = 0; i < 10 && !statusText().matches(".*group member: [1-9].*"); i++) {
            pub("lab/atelier/sensor/s1/temperature", "21.5");
            awaitQuietly(() -> statusText().matches(".*group member: [1-9].*"));
        }
        // The embedded HiveMQ speaks MQTT 5: the member's own connection got its share of the readings.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> statusText().matches(".*group member: [1-9][0-9]* messages aggregated here.*"));
        robot.clickOn("#groupCheck");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !statusText().contains("group member"));
    }

    private String statusText() {
        return robot.lookup(".rooms-view .view-hint").queryAs(Label.class).getText();
    }

    private void openEditor(String button) throws Exception {
        robot.clickOn(button);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#rule-editor-text").tryQuery().isPresent());
    }

    private TextArea editor() {
        return robot.lookup("#rule-editor-text").queryAs(TextArea.class);
    }

    private String errorText() {
        return robot.lookup("#rule-editor-error").queryAs(Label.class).getText();
    }

    private Node viewRoot() {
        return robot.lookup(".rooms-view").query();
    }

    private static Path rooms() {
        return configDir.resolve("rooms.json");
    }

    private static RoomCard card(String roomName) {
        return new FxRobot().lookup(".room-card").queryAll().stream()
                .filter(n -> String.valueOf(n.getUserData()).endsWith(roomName))
                .map(RoomCard.class::cast).findFirst().orElseThrow(() -> new AssertionError("no card " + roomName));
    }

    private Set<String> cardKeys() {
        return Set.copyOf(robot.lookup(".room-card").queryAll().stream().map(n -> String.valueOf(n.getUserData())).toList());
    }

    private void pub(String topic, String payload) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#brokerLabel").queryAs(Label.class).getText().startsWith("Broker mqtt://"));
        String broker = robot.lookup("#brokerLabel").queryAs(Label.class).getText();
        String port = broker.substring(broker.lastIndexOf(':') + 1);
        MosquittoBroker.run("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-t", topic, "-m", payload);
    }
}
