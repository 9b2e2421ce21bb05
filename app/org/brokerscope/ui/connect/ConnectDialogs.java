package org.brokerscope.ui.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;
import org.brokerscope.AppServices;
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
                ProfileStore.Loaded loaded;
                try {
                    loaded = store.load();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + store.file(), e);
                }
                ConnectViewModel model = new ConnectViewModel(i18n, store, loaded, services::switchMonitor,
                        () -> services.embeddedEndpoint().map(BrokerEndpoint::port).orElse(preferredEmbeddedPort),
                        Platform::runLater);
                ConnectWindow.open(owner.get(), model, i18n);
            }
        };
    }
}
