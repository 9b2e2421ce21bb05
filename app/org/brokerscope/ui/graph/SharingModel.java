package org.brokerscope.ui.graph;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.broker.LanAddresses;
import org.brokerscope.broker.SharedCredentials;
import org.brokerscope.ui.I18n;

/**
 * "Share on the network": opens the embedded broker on the LAN, optionally behind a username and
 * password students read off the panel, and closes it again. The broker restarts to change listeners,
 * which takes seconds, so that runs on the background executor and the outcome comes back by the pump.
 */
public final class SharingModel {
    private static final String PASSWORD_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";

    private final I18n i18n;
    private final Executor background;
    private final Queue<Runnable> outcomes;
    private final ReadOnlyBooleanWrapper shared = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper credentialsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper networkAddress = new ReadOnlyStringWrapper("");

    /** @param outcomes where results are left for the FX pump to apply on its next frame */
    SharingModel(I18n i18n, Executor background, Queue<Runnable> outcomes) {
        this.i18n = i18n;
        this.background = background;
        this.outcomes = outcomes;
        info.set(i18n.text("graph.share.off"));
    }

    /** A password easy to read off a projector: no 0/O or 1/l to confuse. */
    static String suggestPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            out.append(PASSWORD_LETTERS.charAt(random.nextInt(PASSWORD_LETTERS.length())));
        }
        return out.toString();
    }

    /** Opens or closes the broker to the network; {@code username} blank means no credentials asked. */
    void apply(EmbeddedBroker broker, boolean open, String username, String password) {
        Optional<SharedCredentials> credentials = open && username != null && !username.isBlank()
                ? Optional.of(new SharedCredentials(username.strip(), password == null ? "" : password))
                : Optional.empty();
        busy.set(true);
        info.set(i18n.text(open ? "graph.share.opening" : "graph.share.closing"));
        CompletableFuture.runAsync(() -> broker.share(open, credentials), background).whenComplete((ok, error) ->
                outcomes.add(() -> done(broker, open, credentials, error)));
    }

    /** Shows the broker's sharing as it is, e.g. after the window was rebuilt in another language. */
    void showCurrent(EmbeddedBroker broker) {
        if (broker.isShared()) {
            done(broker, true, broker.sharedCredentials(), null);
        }
    }

    private void done(EmbeddedBroker broker, boolean open, Optional<SharedCredentials> credentials, Throwable error) {
        busy.set(false);
        shared.set(broker.isShared());
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            info.set(i18n.text("graph.share.failed", String.valueOf(cause.getMessage())));
            return;
        }
        if (!open) {
            info.set(i18n.text("graph.share.off"));
            credentialsText.set("");
            networkAddress.set("");
            return;
        }
        int port = broker.endpoint().port();
        List<String> addresses = LanAddresses.list();
        info.set(addresses.isEmpty() ? i18n.text("graph.share.noAddress")
                : i18n.text("graph.share.on", String.join(", ", addresses.stream().map(a -> a + ":" + port).toList())));
        networkAddress.set(addresses.isEmpty() ? "" : "mqtt://" + addresses.get(0) + ":" + port);
        credentialsText.set(credentials.map(c -> i18n.text("graph.share.credentialsShown", c.username(), c.password()))
                .orElse(""));
    }

    public ReadOnlyBooleanProperty sharedProperty() {
        return shared.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Where students connect, or why not. */
    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** "Username … · password …" while sharing asks for them; empty otherwise. */
    public ReadOnlyStringProperty credentialsTextProperty() {
        return credentialsText.getReadOnlyProperty();
    }

    /** The first network address as a URL while shared; empty otherwise. */
    public ReadOnlyStringProperty networkAddressProperty() {
        return networkAddress.getReadOnlyProperty();
    }
}
