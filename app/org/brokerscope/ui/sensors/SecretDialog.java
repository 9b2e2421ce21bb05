package org.brokerscope.ui.sensors;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.ui.I18n;

/** Asks for a profile's password (and its PKCS#12 password) when the sensors first need it. */
final class SecretDialog implements SensorBrokers.SecretPrompt {
    private final I18n i18n;
    private final Supplier<Window> owner;

    SecretDialog(I18n i18n, Supplier<Window> owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    @Override
    public Optional<SensorBrokers.Secrets> ask(ConnectionProfile profile) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(i18n.text("sensors.secret.title", profile.name()));
        PasswordField password = new PasswordField();
        password.getStyleClass().add("sensors-secret-password");
        PasswordField pkcs12 = new PasswordField();
        pkcs12.getStyleClass().add("sensors-secret-pkcs12");
        VBox box = new VBox(6);
        if (profile.needsPassword()) {
            box.getChildren().addAll(new Label(i18n.text("sensors.secret.password", profile.username(),
                    profile.serverUri())), password);
        }
        if (profile.tls().pkcs12() && profile.tls().clientCertificate().isPresent()) {
            box.getChildren().addAll(new Label(i18n.text("sensors.secret.pkcs12")), pkcs12);
        }
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnShown(e -> (profile.needsPassword() ? password : pkcs12).requestFocus());
        return dialog.showAndWait().filter(ButtonType.OK::equals)
                .map(ok -> new SensorBrokers.Secrets(password.getText().toCharArray(), pkcs12.getText().toCharArray()));
    }
}
