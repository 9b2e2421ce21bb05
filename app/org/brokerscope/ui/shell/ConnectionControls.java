package org.brokerscope.ui.shell;

import java.time.Instant;
import java.util.Optional;

/** What the status bar and the File menu can do with the monitor connection. */
public interface ConnectionControls {
    /** When the next automatic reconnect starts; empty unless waiting to reconnect. */
    Optional<Instant> nextReconnectAttempt();

    void reconnectNow();

    /** Why the connection is down, in the user's language (e.g. the client ID was taken); empty if it is not. */
    Optional<String> problem();

    /** Opens the connection dialog (File › Connect…). */
    void openConnectDialog();
}
