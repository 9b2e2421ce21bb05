package org.brokerscope.ui.graph;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Graph view: the live canvas, a subtree filter, and presenter mode on F11. */
public final class GraphView {
    private final GraphViewModel model;
    private final PresenterWindow presenter;
    private GraphCanvas canvas;

    @FXML private StackPane canvasHolder;
    @FXML private TextField filterField;
    @FXML private Button fitButton;
    @FXML private Button presenterButton;
    @FXML private Label summaryLabel;
    @FXML private Label noteLabel;
    @FXML private VBox sidePanel;

    public GraphView(GraphViewModel model, PresenterWindow presenter) {
        this.model = model;
        this.presenter = presenter;
    }

    @FXML
    private void initialize() {
        canvas = new GraphCanvas(model, GraphPalette.desk());
        canvas.setId("graphCanvas");
        canvasHolder.getChildren().add(canvas);
        model.addPainter(canvas::paint);
        filterField.textProperty().bindBidirectional(model.filterProperty());
        summaryLabel.textProperty().bind(model.summaryProperty());
        noteLabel.textProperty().bind(model.noteProperty());
        noteLabel.visibleProperty().bind(model.noteProperty().isNotEmpty());
        canvasHolder.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
            }
        });
    }

    /** The canvas, for tests that click a node where it is drawn. */
    GraphCanvas canvas() {
        return canvas;
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.F11) {
            togglePresenter();
            e.consume();
        }
    }

    @FXML
    private void fit() {
        canvas.fit();
    }

    @FXML
    private void togglePresenter() {
        presenter.toggle(canvasHolder.getScene() == null ? null : canvasHolder.getScene().getWindow());
    }
}
