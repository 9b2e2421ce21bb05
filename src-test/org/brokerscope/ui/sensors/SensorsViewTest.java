package org.brokerscope.ui.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * The Sensors view in the real app, on the embedded broker with the demo house: a separate MQTT client
 * checks that what the buttons do reaches the broker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SensorsViewTest {
    @TempDir
    static Path configDir;
    private static Application app;
    private static BrokerConnection watcher;
    private static final Map<String, String> LAST = new ConcurrentHashMap<>();
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, configDir.toString());
        Files.writeString(configDir.resolve("settings.json"),
                "{\"language\":\"en\",\"embeddedBrokerPort\":0,\"demoSensors\":true}");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(BrokerscopeApp.class);
    }

    @AfterAll
    static void closeWindow() throws Exception {
        if (watcher != null) {
            watcher.close();
        }
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        // The primary stage is shared by every window test in this JVM, and the app reopens the view the
        // stage's scene last showed: leave no scene, so the next test starts on Topics.
        FxToolkit.setupStage(stage -> stage.setScene(null));
        System.clearProperty(ConfigDirectory.OVERRIDE_PROPERTY);
    }

    @Test
    @Order(1)
    void theViewListsTheDemoSensorsAndTheirValuesMove() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#connectionLabel").equals("Connected"));
        String broker = text("#brokerLabel").replace("Broker mqtt://", "tcp://");
        watcher = new PahoV5Connection(ConnectionSettings.of(broker, "sensors-view-test"),
                m -> LAST.put(m.topic(), new String(m.payload(), StandardCharsets.UTF_8)));
        watcher.connect().get(10, TimeUnit.SECONDS);
        watcher.subscribe("#", 1).get(10, TimeUnit.SECONDS);

        robot.clickOn("#nav-sensors");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table().getItems().size() == 6
                && table().getItems().stream().allMatch(r -> r.stateProperty().get().equals("Running")));
        List<String> before = values();
        long countBefore = row("salon-temperature").countProperty().get();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !values().equals(before)
                && row("salon-temperature").countProperty().get() > countBefore + 1);
        assertTrue(text(".sensors-time-label").contains("real time"), text(".sensors-time-label"));
    }

    @Test
    @Order(2)
    void stopAndStartOneSensorFromItsRow() throws Exception {
        SensorRow salon = row("salon-temperature");
        robot.clickOn(toggleOf(0));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> salon.stateProperty().get().equals("Stopped")
                && "offline".equals(LAST.get("maison/salon/temperature/status")));
        long stoppedAt = salon.countProperty().get();
        assertEquals("Start", toggleOf(0).getText());

        robot.clickOn(toggleOf(0));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> salon.stateProperty().get().equals("Running")
                && salon.countProperty().get() > stoppedAt + 1
                && "online".equals(LAST.get("maison/salon/temperature/status")));
    }

    @Test
    @Order(3)
    void stopARoomThenStartAll() throws Exception {
        ComboBox<String> rooms = robot.lookup("#roomBox").queryComboBox();
        robot.interact(() -> rooms.setValue("cuisine"));
        robot.clickOn("Stop room");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table().getItems().stream()
                .filter(r -> r.room().equals("cuisine")).allMatch(r -> r.stateProperty().get().equals("Stopped"))
                && "offline".equals(LAST.get("maison/cuisine/humidity/status")));
        assertTrue(table().getItems().stream().filter(r -> r.room().equals("salon"))
                .allMatch(r -> r.stateProperty().get().equals("Running")), "the other rooms keep running");

        robot.clickOn("Start all");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table().getItems().stream()
                .allMatch(r -> r.stateProperty().get().equals("Running")));
    }

    @Test
    @Order(4)
    void pauseAllFreezesTheReadingsAndResumeRestartsThem() throws Exception {
        robot.clickOn("Pause all");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table().getItems().stream()
                .allMatch(r -> r.stateProperty().get().equals("Paused")));
        long paused = row("salon-humidity").countProperty().get();
        Thread.sleep(2_000); // only waiting can show that nothing is sent
        assertEquals(paused, row("salon-humidity").countProperty().get());

        robot.clickOn("Resume all");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row("salon-humidity").countProperty().get() > paused);
    }

    @Test
    @Order(5)
    void addARoomAndSeeItPublish() throws Exception {
        robot.clickOn("#newRoomField").write("bureau");
        robot.clickOn("Add room");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table().getItems().size() == 10
                && LAST.containsKey("maison/bureau/temperature") && LAST.containsKey("maison/bureau/light"));
    }

    @Test
    @Order(6)
    void editOneSensorsSettingsFromTheEditor() throws Exception {
        robot.interact(() -> table().getSelectionModel().select(row("cuisine-humidity")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(".sensors-edit-label").equals("cuisine-humidity:"));
        ComboBox<?> format = robot.lookup(".sensors-editor .combo-box").nth(0).queryComboBox();
        robot.interact(() -> format.getSelectionModel().select(1)); // JSON
        robot.doubleClickOn(".sensors-editor .text-field").write("200");
        robot.clickOn("Apply");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> String.valueOf(LAST.get("maison/cuisine/humidity"))
                .startsWith("{\"value\":"));
        assertTrue(text(".sensors-message").startsWith("New settings for cuisine-humidity"), text(".sensors-message"));
    }

    @Test
    @Order(7)
    void loadTheWeatherStationAndSpeedTimeUp() throws Exception {
        robot.clickOn("Load scenario").clickOn("Weather station");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table().getItems().size() == 5
                && table().getItems().stream().allMatch(r -> r.stateProperty().get().equals("Running")));
        assertTrue(text(".sensors-message").startsWith("Loaded scenario \"weather\""), text(".sensors-message"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "offline".equals(LAST.get("maison/salon/temperature/status")));

        ComboBox<Double> speed = robot.lookup("#speedBox").queryComboBox();
        robot.interact(() -> speed.setValue(480.0));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(".sensors-time-label").contains("×480")
                && text(".sensors-time-label").contains("a day lasts 3 min"));
        String json = LAST.get("meteo/station/pressure");
        assertTrue(json != null && json.startsWith("{\"value\":"), String.valueOf(json));
    }

    @Test
    @Order(8)
    void theWeatherBridgePublishesWhatTheServiceSaysAndNamesItsProblems() throws Exception {
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/weather", exchange -> {
            boolean keyOk = exchange.getRequestURI().getRawQuery().contains("appid=good");
            byte[] body = (keyOk ? "{\"main\":{\"temp\":7.26,\"humidity\":81,\"pressure\":1009},\"dt\":1732352400}"
                    : "{\"cod\":401}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(keyOk ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        try {
            robot.clickOn("#weatherCityField").write("Lyon,FR");
            robot.clickOn("#weatherKeyField").write("bad");
            robot.clickOn("#weatherUrlField").write("http://127.0.0.1:" + stub.getAddress().getPort() + "/weather");
            robot.clickOn("Start weather");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#weatherLabel").contains("HTTP 401"));

            robot.clickOn("Stop weather");
            robot.doubleClickOn("#weatherKeyField").eraseText(3).write("good");
            robot.clickOn("Start weather");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "7.3".equals(LAST.get("meteo/exterieur/temperature"))
                    && text("#weatherLabel").startsWith("Lyon,FR: 7.3 °C, 81 %, 1009 hPa"));
            assertEquals("online", LAST.get("meteo/exterieur/status"));
            robot.clickOn("Stop weather");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "offline".equals(LAST.get("meteo/exterieur/status")));
        } finally {
            stub.stop(0);
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<SensorRow> table() {
        return robot.lookup(".sensors-view .table-view").queryAs(TableView.class);
    }

    private SensorRow row(String id) {
        return table().getItems().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private List<String> values() {
        return table().getItems().stream().map(r -> r.valueProperty().get()).toList();
    }

    private Button toggleOf(int index) {
        return robot.lookup(".sensor-toggle").nth(index).queryButton();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
