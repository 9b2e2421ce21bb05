package org.brokerscope.ui.connect;

import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;

/** Opens the connection dialog (File › Connect…) as a window of its own, over the main window. */
public final class ConnectWindow {
    private ConnectWindow() {
    }

    public static Stage open(Window owner, ConnectViewModel model, I18n i18n) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(i18n.text("connect.title"));
        Scene scene = new Scene(FxmlViews.load(new ConnectView(model, i18n, stage::close), i18n));
        if (owner != null && owner.getScene() != null) {
            // The app's global theme, as the main window has it.
            scene.getStylesheets().setAll(owner.getScene().getRoot().getStylesheets());
        }
        stage.setScene(scene);
        // Closing the window abandons a connect in progress rather than leaving it to finish unseen.
        stage.setOnHidden(e -> model.cancel());
        stage.show();
        return stage;
    }

    /**
     * Reconnects to the profile selected last time, showing the dialog while it dials. Once connected the
     * dialog closes, as the status bar says the same and the view behind is what the user came for; if
     * it fails, or the profile needs a password not saved, the dialog stays with the reason.
     */
    public static Stage resume(Window owner, ConnectViewModel model, I18n i18n) {
        Stage stage = open(owner, model, i18n);
        model.connect(stage::close);
        return stage;
    }
}
