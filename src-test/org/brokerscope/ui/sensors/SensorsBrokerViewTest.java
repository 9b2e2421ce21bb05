package org.brokerscope.ui.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.brokerscope.BrokerscopeApp;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.settings.ConfigDirectory;
import org.brokerscope.settings.ProfileBook;
import org.brokerscope.settings.ProfileStore;
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
 * The Sensors view sending sensors to a saved profile's broker: a real Mosquitto that wants a password.
 * Separate clients on Mosquitto and on the embedded broker check where the readings land.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SensorsBrokerViewTest {
    private static final String PROFILE = "Class Mosquitto";
    @TempDir
    static Path configDir;
    private static Application app;
    private static MosquittoBroker mosquitto;
    private static BrokerConnection onMosquitto;
    private static BrokerConnection onEmbedded;
    private static final Map<String, String> MOSQUITTO = new ConcurrentHashMap<>();
    private static final Map<String, String> EMBEDDED = new ConcurrentHashMap<>();
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        mosquitto = MosquittoBroker.startWithPassword("alice", "wonderland");
        onMosquitto = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "watcher")
                .withCredentials("alice", "wonderland".toCharArray()),
                m -> MOSQUITTO.put(m.topic(), new String(m.payload(), StandardCharsets.UTF_8)));
        onMosquitto.connect().get(10, TimeUnit.SECONDS);
        onMosquitto.subscribe("#", 1).get(10, TimeUnit.SECONDS);

        System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, configDir.toString());
        Files.writeString(configDir.resolve("settings.json"),
                "{\"language\":\"en\",\"embeddedBrokerPort\":0,\"demoSensors\":false}");
        ConnectionProfile embedded = ConnectionProfile.embedded("Embedded broker", 1883, "brokerscope-test");
        ConnectionProfile mosquittoProfile = ConnectionProfile.create("p-class", PROFILE, "127.0.0.1", mosquitto.port(), "alice",
                "brokerscope-test");
        new ProfileStore(configDir.resolve("profiles.json"), Clock.systemUTC(), id -> embedded)
                .save(new ProfileBook("0badcafe", ConnectionProfile.EMBEDDED_ID, List.of(embedded, mosquittoProfile)));
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(BrokerscopeApp.class);
    }

    @AfterAll
    static void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        FxToolkit.setupStage(stage -> stage.setScene(null));
        System.clearProperty(ConfigDirectory.OVERRIDE_PROPERTY);
        for (AutoCloseable c : new AutoCloseable[] {onEmbedded, onMosquitto, mosquitto}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void aSensorAddedWithAProfilePublishesToThatBrokerAfterAskingItsPassword() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#connectionLabel").equals("Connected"));
        onEmbedded = new PahoV5Connection(ConnectionSettings.of(text("#brokerLabel").replace("Broker mqtt://", "tcp://"),
                "embedded-watcher"), m -> EMBEDDED.put(m.topic(), new String(m.payload(), StandardCharsets.UTF_8)));
        onEmbedded.connect().get(10, TimeUnit.SECONDS);
        onEmbedded.subscribe("#", 1).get(10, TimeUnit.SECONDS);
        robot.clickOn("#nav-sensors");

        ComboBox<SensorsView.BrokerChoice> own = robot.lookup("#sensorBrokerBox").queryComboBox();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> own.getItems().size() == 3);
        robot.interact(() -> own.getSelectionModel().select(2));
        robot.clickOn("#newRoomField").write("labo");
        robot.clickOn("Add sensor");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".sensors-secret-password").tryQuery().isPresent());
        robot.clickOn(".sensors-secret-password").write("wonderland");
        robot.clickOn("OK");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> MOSQUITTO.containsKey("maison/labo/temperature")
                && "online".equals(MOSQUITTO.get("maison/labo/temperature/status")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table().getItems().stream()
                .anyMatch(r -> r.id().equals("labo-temperature") && r.brokerProperty().get().equals(PROFILE)));
        assertFalse(EMBEDDED.containsKey("maison/labo/temperature"), "nothing on the embedded broker");
    }

    @Test
    @Order(2)
    void theFleetsTargetSendsNewRoomsThereWithoutAskingAgain() throws Exception {
        ComboBox<SensorsView.BrokerChoice> target = robot.lookup("#targetBox").queryComboBox();
        robot.interact(() -> target.getSelectionModel().select(1));
        robot.clickOn("Use for all sensors");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#targetLabel").contains(PROFILE)
                && text("#targetLabel").contains(mosquitto.tcpUri()));
        ComboBox<SensorsView.BrokerChoice> own = robot.lookup("#sensorBrokerBox").queryComboBox();
        robot.interact(() -> own.getSelectionModel().select(0));
        robot.doubleClickOn("#newRoomField").eraseText(4).write("atelier");
        robot.clickOn("Add room");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> MOSQUITTO.containsKey("maison/atelier/co2")
                && MOSQUITTO.containsKey("maison/atelier/light"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table().getItems().stream()
                .anyMatch(r -> r.id().equals("atelier-co2") && r.brokerProperty().get().equals("Same as fleet")));
        assertFalse(EMBEDDED.containsKey("maison/atelier/co2"), "nothing on the embedded broker");

        // Choosing the current target again is how a refused password is typed anew.
        robot.clickOn("Use for all sensors");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".sensors-secret-password").tryQuery().isPresent());
        robot.clickOn(".sensors-secret-password").write("wonderland");
        robot.clickOn("OK");
        MOSQUITTO.remove("maison/atelier/co2");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> MOSQUITTO.containsKey("maison/atelier/co2"));
    }

    @Test
    @Order(3)
    void faultRatesAreEditedPerSensor() throws Exception {
        robot.interact(() -> table().getSelectionModel().select(row("labo-temperature")));
        // The room's own temperature follows the time of day (17 °C at night, 22 °C in the afternoon): a spike
        // is told by its 8 °C jump from the reading before, which moves by hundredths of a degree in seconds.
        double before = Double.parseDouble(MOSQUITTO.get("maison/labo/temperature"));
        robot.doubleClickOn("#spikeField").eraseText(3).write("100");
        robot.clickOn("Apply");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(".sensors-message").startsWith("New settings"));
        MOSQUITTO.remove("maison/labo/temperature");
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> MOSQUITTO.containsKey("maison/labo/temperature"));
            double v = Double.parseDouble(MOSQUITTO.remove("maison/labo/temperature"));
            assertTrue(Math.abs(v - before) > 6, "a spike: " + v + " after " + before);
        }
        robot.doubleClickOn("#dropoutField").eraseText(3).write("abc");
        robot.clickOn("Apply");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(".sensors-message")
                .equals("Dropouts % must be a percentage from 0 to 100, was \"abc\"."));
    }

    @Test
    @Order(4)
    void removingASensorAndARoomClearsTheirRetainedStatus() throws Exception {
        SensorRow labo = row("labo-temperature");
        // Bring the row and the buttons' column into sight first: a click needs a button the user could see.
        robot.interact(() -> {
            // The shared TestFX stage keeps whatever size and place earlier classes left: make the table fit.
            javafx.stage.Window window = table().getScene().getWindow();
            window.setX(0);
            window.setY(0);
            window.setWidth(1260);
            window.setHeight(780);
            table().scrollTo(labo);
            table().scrollToColumnIndex(table().getColumns().size() - 1);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> removeButton(labo).isPresent());
        robot.clickOn(removeButton(labo).orElseThrow());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "".equals(MOSQUITTO.get("maison/labo/temperature/status"))
                && table().getItems().stream().noneMatch(r -> r.id().equals("labo-temperature")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(".sensors-message").equals(
                "labo-temperature removed; its retained status was cleared on the broker."));

        ComboBox<String> rooms = robot.lookup("#roomBox").queryComboBox();
        robot.interact(() -> rooms.setValue("atelier"));
        robot.clickOn("Remove room");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table().getItems().isEmpty()
                && "".equals(MOSQUITTO.get("maison/atelier/co2/status")));
    }

    // The table keeps spare cells out of sight: the button of the visible row that shows the sensor, on screen.
    private java.util.Optional<Button> removeButton(SensorRow sensor) {
        javafx.geometry.Bounds table = table().localToScene(table().getLayoutBounds());
        return robot.lookup(".sensor-remove").queryAllAs(Button.class).stream()
                .filter(b -> b.getParent().getParent() instanceof TableCell<?, ?> cell && cell.getItem() == sensor
                        && cell.isVisible() && cell.getTableRow() != null && cell.getTableRow().isVisible()
                        && cell.getTableRow().getItem() == sensor && b.getScene() != null
                        && table.intersects(b.localToScene(b.getLayoutBounds())))
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private TableView<SensorRow> table() {
        return robot.lookup(".sensors-view .table-view").queryAs(TableView.class);
    }

    private SensorRow row(String id) {
        return table().getItems().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
