package org.brokerscope.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.BrokerConnections;
import org.brokerscope.settings.ProfileStore;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.ui.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The dialog the app opens at start to reconnect to the broker used last time, against a real Mosquitto. */
class ConnectResumeTest {
    @TempDir
    Path config;
    private final FxRobot robot = new FxRobot();
    private final List<BrokerConnection> opened = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> dialled = new CopyOnWriteArrayList<>();
    private final AtomicReference<Stage> dialog = new AtomicReference<>();

    @AfterEach
    void closeEverything() throws Exception {
        if (dialog.get() != null) {
            FxToolkit.setupFixture(dialog.get()::close);
        }
        opened.forEach(BrokerConnection::close);
    }

    @Test
    void onceConnectedTheDialogClosesSoTheViewBehindShows() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start()) {
            resume(profile(mosquitto.port(), ""));

            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !dialog.get().isShowing());
            assertEquals(1, dialled.size());
            assertTrue(dialled.getFirst().isDone() && !dialled.getFirst().isCompletedExceptionally(), "closed, but not connected");
        }
    }

    @Test
    void aProfileWhosePasswordWasNotSavedKeepsTheDialogOpenAndAsksForIt() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.startWithPassword("eleve", "s3cret")) {
            resume(profile(mosquitto.port(), "eleve"));

            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(dialog.get().isShowing());
            assertEquals("Enter the password for eleve: passwords are never saved.", robot.lookup("#errorLabel").queryAs(Label.class).getText());
            assertTrue(opened.isEmpty(), "dialled without the password");
        }
    }

    private void resume(ConnectionProfile profile) throws Exception {
        ProfileStore store = new ProfileStore(config.resolve("profiles.json"), Clock.systemUTC(),
                id -> ConnectionProfile.embedded("Embedded", 1883, id));
        store.save(store.load().book().put(profile).select(profile.id()));
        ConnectViewModel.Connector connector = (settings, subscriptions) -> {
            BrokerConnection c = BrokerConnections.open(settings, m -> { });
            opened.add(c);
            CompletableFuture<Void> connected = c.connect();
            dialled.add(connected);
            return connected.thenApply(ok -> c);
        };
        ProfileStore.Loaded loaded = store.load();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            I18n i18n = I18n.forLanguage("en");
            ConnectViewModel model = new ConnectViewModel(i18n, store, loaded, connector, () -> 1883, Platform::runLater);
            dialog.set(ConnectWindow.resume(null, model, i18n));
        });
    }

    private static ConnectionProfile profile(int port, String username) {
        return ConnectionProfile.create("class", "Class broker", "127.0.0.1", port, username, "brokerscope-resume");
    }
}
