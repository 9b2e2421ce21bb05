package org.brokerscope.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.brokerscope.AppStatus;
import org.brokerscope.BrokerscopeApp;
import org.brokerscope.ingest.IngestStats;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.PahoV3Connection;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Publish view alone in a window, on a 3.1.1 connection to a real Mosquitto (the app itself always
 * talks MQTT 5 to its embedded broker): the MQTT 5 properties are greyed with the reason.
 */
class PublishViewOnMqtt311Test {
    @TempDir
    static Path config;
    private static MosquittoBroker mosquitto;
    private static BrokerConnection v3;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        mosquitto = MosquittoBroker.start();
        v3 = new PahoV3Connection(ConnectionSettings.of(mosquitto.tcpUri(), "view-v3"), m -> { });
        v3.connect().get(10, TimeUnit.SECONDS);
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            I18n i18n = I18n.forLanguage("en");
            PublishViewModel model = new PublishViewModel(
                    new PublishSession(() -> Optional.of(v3), config, Runnable::run, Clock.systemUTC()), i18n);
            model.onFrame(new Frame(System.nanoTime(), AppStatus.IDLE, ConnectionState.CONNECTED, IngestStats.ZERO, Map.of()));
            Parent root = PublishViews.load(model, i18n);
            root.getStylesheets().add(0, BrokerscopeApp.stylesheet());
            s.setScene(new Scene(root, 1000, 760));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        new FxRobot().interact(() -> stage.setScene(null));
        v3.close();
        mosquitto.close();
    }

    @Test
    void mqtt5PropertiesAreGreyedWithTheReason() throws Exception {
        robot.clickOn("More: MQTT 5 properties");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#propertiesGrid").query().isDisabled());
        assertTrue(robot.lookup("#userPropertiesTable").query().isDisabled());
        assertTrue(robot.lookup("#requestButton").queryButton().isDisabled(), "request/response needs MQTT 5");
        assertEquals("This connection uses MQTT 3.1.1, which has no message properties; they need an MQTT 5 connection.",
                robot.lookup("#propertiesNote").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#protocolLabel").queryAs(Label.class).getText().contains("3.1.1"));
        assertTrue(robot.lookup("#propertiesPane").queryAs(TitledPane.class).isExpanded());
        saveScreenshot(Path.of("target", "shot-publish-mqtt311.png"));
    }

    // A picture for people to look at; javafx-swing is not a dependency, so copy the pixels by hand.
    private void saveScreenshot(Path file) throws Exception {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        PixelReader pixels = shot[0].getPixelReader();
        int width = (int) shot[0].getWidth();
        int height = (int) shot[0].getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(image, "png", file.toFile()));
    }
}
