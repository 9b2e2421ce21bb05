package org.brokerscope.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.BrokerConnections;
import org.brokerscope.settings.ProfileStore;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The connection dialog in a real window, against a real Mosquitto with a login, driven like a user would. */
class ConnectViewTest {
    @TempDir
    Path config;
    private final FxRobot robot = new FxRobot();
    private final List<BrokerConnection> opened = new CopyOnWriteArrayList<>();
    private MosquittoBroker mosquitto;
    private ProfileStore store;
    private Stage stage;

    @BeforeEach
    void openDialog() throws Exception {
        mosquitto = MosquittoBroker.startWithPassword("eleve", "s3cret");
        store = new ProfileStore(config.resolve("profiles.json"), Clock.systemUTC(),
                id -> ConnectionProfile.embedded("Embedded", 1883, id));
        ProfileStore.Loaded loaded = store.load();
        I18n i18n = I18n.forLanguage("en");
        // The app passes AppServices::switchMonitor; here a plain connection keeps the test to the dialog.
        ConnectViewModel.Connector connector = (settings, subscriptions) -> {
            BrokerConnection c = BrokerConnections.open(settings, m -> { });
            opened.add(c);
            return c.connect().thenApply(ok -> c);
        };
        FxToolkit.registerPrimaryStage();
        // A stage of its own: the primary stage is shared with the other window tests in this JVM, and a
        // scene left on it would be taken for the main window's.
        stage = FxToolkit.setupFixture(() -> {
            Stage s = new Stage();
            ConnectViewModel model = new ConnectViewModel(i18n, store, loaded, connector, () -> 1883, Platform::runLater);
            s.setScene(new Scene(FxmlViews.load(new ConnectView(model, i18n, s::hide), i18n)));
            s.show();
            s.requestFocus();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing());
    }

    @AfterEach
    void closeEverything() throws Exception {
        FxToolkit.setupFixture(stage::close);
        opened.forEach(BrokerConnection::close);
        mosquitto.close();
    }

    @Test
    void aPastedUrlWithAWrongPasswordSaysSoWithTheReasonCodeAndTheRightOneShowsWhatWasGranted() throws Exception {
        robot.clickOn("#newButton");
        robot.clickOn("#urlField").write("mqtt://eleve:wrong@127.0.0.1:" + mosquitto.port()).type(KeyCode.ENTER);
        assertEquals("127.0.0.1", robot.lookup("#hostField").queryTextInputControl().getText());
        assertEquals("eleve", robot.lookup("#usernameField").queryTextInputControl().getText());
        assertEquals("", robot.lookup("#urlField").queryTextInputControl().getText(), "the pasted password stays visible");

        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !label("#errorLabel").isEmpty());
        assertEquals("Wrong user name or password. (MQTT reason code 0x87)", label("#errorLabel"));

        robot.doubleClickOn("#passwordField").eraseText(5).write("s3cret");
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !label("#grantedLabel").isEmpty());
        assertTrue(label("#grantedLabel").startsWith("MQTT 5.0"), label("#grantedLabel"));
        assertTrue(label("#errorLabel").isEmpty(), label("#errorLabel"));

        String saved = Files.readString(store.file());
        assertTrue(saved.contains("\"port\" : " + mosquitto.port()), saved);
        assertFalse(saved.contains("s3cret"), "a password was written to " + store.file());
    }

    @Test
    void aBadUrlAndAnInvalidFieldAreExplainedNotAccepted() throws Exception {
        robot.clickOn("#newButton");
        robot.clickOn("#urlField").write("http://broker:1883").type(KeyCode.ENTER);
        assertEquals("Unknown URL scheme: use mqtt://, mqtts://, ws:// or wss://.", label("#errorLabel"));

        robot.doubleClickOn("#portField").eraseText(6).write("99999");
        robot.clickOn("#connectButton");
        assertEquals("Port: enter a whole number from 1 to 65535.", label("#errorLabel"));
        assertTrue(opened.isEmpty(), "nothing may be dialled with an invalid form");
    }

    @Test
    void cancelAbandonsAConnectToABrokerThatNeverAnswers() throws Exception {
        // Accepts the TCP connection and then says nothing, like a firewall that swallows MQTT.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            robot.clickOn("#newButton");
            robot.clickOn("#urlField").write("mqtt://127.0.0.1:" + silent.getLocalPort()).type(KeyCode.ENTER);
            robot.clickOn("#connectButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#progress").query().isVisible());
            assertTrue(robot.lookup("#connectButton").queryButton().isDisabled(), "a second connect while busy");

            robot.clickOn("#cancelButton");

            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#statusLabel").equals("Cancelled."));
            assertFalse(robot.lookup("#progress").query().isVisible());
            assertFalse(robot.lookup("#connectButton").queryButton().isDisabled());
        }
    }

    @Test
    void theEmbeddedBrokerIsTheDefaultAndCannotBeEditedOrDeleted() {
        assertEquals("Embedded", robot.lookup("#nameField").queryTextInputControl().getText());
        assertTrue(robot.lookup("#deleteButton").queryButton().isDisabled());
        assertTrue(robot.lookup("#hostField").query().isDisabled());
    }

    private String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
