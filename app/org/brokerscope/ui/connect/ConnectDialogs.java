package org.brokerscope.ui.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;
import org.brokerscope.AppServices;
import org.brokerscope.AppStatus.Notice;
import org.brokerscope.broker.BrokerEndpoint;
import org.brokerscope.settings.ProfileStore;
import org.brokerscope.ui.I18n;
import org.brokerscope.ui.shell.ConnectionControls;

/** Wires File › Connect…, the status bar's countdown and "Reconnect now" to the app's services. */
public final class ConnectDialogs {
    private ConnectDialogs() {
    }

    public static ConnectionControls controls(Supplier<Window> owner, I18n i18n, ProfileStore store, AppServices services,
                                              int preferredEmbeddedPort) {
        ConnectTexts texts = new ConnectTexts(i18n);
        return new ConnectionControls() {
            @Override
            public Optional<Instant> nextReconnectAttempt() {
                return services.nextReconnectAttempt();
            }

            @Override
            public void reconnectNow() {
                services.reconnectNow();
            }

            @Override
            public Optional<String> problem() {
                return services.monitor().filter(m -> m.state() != org.brokerscope.mqtt.ConnectionState.CONNECTED)
                        .flatMap(m -> m.lastFailure()).map(texts::failure);
            }

            @Override
            public void openConnectDialog() {
                ConnectWindow.open(owner.get(), model(i18n, store, load(store), services, preferredEmbeddedPort), i18n);
            }
        };
    }

    /**
     * At start-up the app watches the embedded broker; when the user last chose another profile, this
     * opens the dialog on it and connects, so progress and any failure are shown where they can be fixed
     * (a profile with a login stops at "enter the password": passwords are not stored).
     */
    public static void resumeSelectedProfile(Supplier<Window> owner, I18n i18n, ProfileStore store, AppServices services,
                                             int preferredEmbeddedPort) {
        ProfileStore.Loaded loaded = load(store);
        // The dialog, which says the same, may not open: the status bar must tell, or the start is silent.
        loaded.corruptFileBackup().ifPresent(backup -> services.notice(new Notice(Notice.Kind.SETTINGS_BACKED_UP,
                List.of(backup.getFileName().toString()))));
        if (loaded.unreadable()) {
            services.notice(new Notice(Notice.Kind.FILE_UNREADABLE,
                    List.of(store.file().getFileName().toString(), loaded.problem().orElse("?"))));
        }
        ConnectViewModel model = model(i18n, store, loaded, services, preferredEmbeddedPort);
        if (model.selectedProperty().get().embedded()) {
            return;
        }
        ConnectWindow.resume(owner.get(), model, i18n);
    }

    // Throws only when a corrupt file cannot be moved aside; an unreadable one loads as the embedded profile alone.
    private static ProfileStore.Loaded load(ProfileStore store) {
        try {
            return store.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move aside " + store.file(), e);
        }
    }

    private static ConnectViewModel model(I18n i18n, ProfileStore store, ProfileStore.Loaded loaded, AppServices services,
                                          int preferredEmbeddedPort) {
        return new ConnectViewModel(i18n, store, loaded, services::switchMonitor,
                () -> services.embeddedEndpoint().map(BrokerEndpoint::port).orElse(preferredEmbeddedPort), Platform::runLater);
    }
}
