package org.brokerscope.ui.placeholder;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** A view that is not built yet. */
public final class PlaceholderView {
    private final PlaceholderViewModel model;

    @FXML private Label titleLabel;
    @FXML private Label textLabel;

    public PlaceholderView(PlaceholderViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(model.title());
        textLabel.setText(model.text());
    }
}
