package org.brokerscope.ui.graph;

import java.net.URI;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.brokerscope.ui.I18n;

/**
 * Presenter mode's content: the graph in high contrast with large labels, and beside it the broker's
 * address in big letters with a QR code, so students can point their sketches at it.
 */
final class PresenterView {
    private static final double QR_PIXELS = 300;

    private final GraphViewModel model;
    private final I18n i18n;
    private GraphCanvas canvas;

    @FXML private StackPane canvasHolder;
    @FXML private Label hostLabel;
    @FXML private Label portLabel;
    @FXML private StackPane qrHolder;
    @FXML private Label credentialsLabel;
    @FXML private Label summaryLabel;

    PresenterView(GraphViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        canvas = new GraphCanvas(model, GraphPalette.presenter());
        canvas.setId("presenterCanvas");
        canvasHolder.getChildren().add(canvas);
        summaryLabel.textProperty().bind(model.summaryProperty());
        credentialsLabel.textProperty().bind(model.sharedCredentialsProperty());
        credentialsLabel.visibleProperty().bind(model.sharedCredentialsProperty().isNotEmpty());
        model.presenterAddressProperty().addListener((obs, old, now) -> showAddress(now));
        showAddress(model.presenterAddressProperty().get());
    }

    GraphCanvas canvas() {
        return canvas;
    }

    private void showAddress(String address) {
        if (address == null || address.isBlank()) {
            hostLabel.setText(i18n.text("graph.presenter.noAddress"));
            portLabel.setText("");
            qrHolder.getChildren().clear();
            return;
        }
        URI uri = URI.create(address);
        hostLabel.setText(uri.getHost());
        portLabel.setText(i18n.text("graph.presenter.port", String.valueOf(uri.getPort())));
        qrHolder.getChildren().setAll(QrCodes.of(address, QR_PIXELS));
    }
}
