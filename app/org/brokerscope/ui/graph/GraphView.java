package org.brokerscope.ui.graph;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ListView;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Graph view: the live canvas, a subtree filter, and presenter mode on F11. */
public final class GraphView {
    private static final System.Logger LOG = System.getLogger(GraphView.class.getName());
    private final GraphViewModel model;
    private final PresenterWindow presenter;
    private final I18n i18n;
    private GraphCanvas canvas;
    private GraphViewModel.Painter painter; // one instance, so removePainter finds what addPainter added
    // One instance: a fresh this::onKey is another object, and removing it left F11 caught in every view.
    private final javafx.event.EventHandler<KeyEvent> keys = this::onKey;

    @FXML private StackPane canvasHolder;
    @FXML private TextField filterField;
    @FXML private Button fitButton;
    @FXML private Button presenterButton;
    @FXML private Label summaryLabel;
    @FXML private Label noteLabel;
    @FXML private VBox sidePanel;
    @FXML private TitledPane overviewPane;
    @FXML private ListView<ClientRow> clientList;
    @FXML private Button disconnectButton;
    @FXML private Label clientStatusLabel;
    @FXML private CheckBox shareBox;
    @FXML private CheckBox credentialsBox;
    @FXML private TextField userField;
    @FXML private TextField passwordField;
    @FXML private ProgressIndicator shareProgress;
    @FXML private Label shareLabel;
    @FXML private Label shareCredentialsLabel;

    public GraphView(GraphViewModel model, I18n i18n, PresenterWindow presenter) {
        this.model = model;
        this.i18n = i18n;
        this.presenter = presenter;
    }

    @FXML
    private void initialize() {
        canvas = new GraphCanvas(model, GraphPalette.desk());
        canvas.setId("graphCanvas");
        canvasHolder.getChildren().add(canvas);
        painter = canvas::paint;
        filterField.textProperty().bindBidirectional(model.filterProperty());
        summaryLabel.textProperty().bind(model.summaryProperty());
        noteLabel.textProperty().bind(model.noteProperty());
        noteLabel.visibleProperty().bind(model.noteProperty().isNotEmpty());
        clientList.setItems(model.clientList().rows());
        clientList.setCellFactory(list -> new ClientCell());
        disconnectButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ClientRow row = clientList.getSelectionModel().getSelectedItem();
            return row == null || !row.connectedProperty().get();
        }, clientList.getSelectionModel().selectedItemProperty()));
        clientStatusLabel.textProperty().bind(model.clientList().statusProperty());
        bindSharing();
        // Built when first opened: the tiles cost start-up time, and none are wanted by most users.
        overviewPane.expandedProperty().addListener((obs, old, now) -> {
            if (now && overviewPane.getContent() == null) {
                overviewPane.setContent(overview());
            }
        });
        canvasHolder.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
                model.removePainter(painter);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
                // Painting only while shown also tells the model it may skip the picture's work meanwhile.
                model.addPainter(painter);
            }
        });
    }

    // TilesFX is a module that requires javafx.web and javafx.media, which the app leaves out; where the
    // JVM puts it on the module path (./mvnw javafx:run) it is not resolved and its classes are missing.
    // The figures are then shown as text, with the reason, instead of breaking the whole view.
    private Node overview() {
        try {
            return FxmlViews.load(new OverviewView(model.overview(), i18n, overviewPane.expandedProperty()), i18n);
        } catch (UncheckedIOException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "Broker overview tiles unavailable, showing text: {0}", e.toString());
            Label text = new Label();
            text.getStyleClass().add("overview-text");
            text.textProperty().bind(Bindings.concat(model.overview().sourceProperty(), "\n",
                    i18n.text("graph.overview.noTiles"), "\n\n", model.overview().textProperty()));
            return text;
        }
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

    private void bindSharing() {
        SharingModel sharing = model.sharing();
        userField.setText(model.defaultShareUser());
        passwordField.setText(SharingModel.suggestPassword());
        shareProgress.visibleProperty().bind(sharing.busyProperty());
        shareProgress.managedProperty().bind(sharing.busyProperty());
        shareLabel.textProperty().bind(sharing.infoProperty());
        shareCredentialsLabel.textProperty().bind(sharing.credentialsTextProperty());
        shareBox.disableProperty().bind(sharing.busyProperty());
        // Credentials are set before opening; to change them, stop sharing first.
        var locked = sharing.busyProperty().or(sharing.sharedProperty());
        credentialsBox.disableProperty().bind(locked);
        userField.disableProperty().bind(locked.or(credentialsBox.selectedProperty().not()));
        passwordField.disableProperty().bind(userField.disableProperty());
        sharing.sharedProperty().addListener((obs, old, now) -> shareBox.setSelected(now));
        shareBox.setOnAction(e -> model.share(shareBox.isSelected(),
                credentialsBox.isSelected() ? userField.getText() : "", passwordField.getText()));
    }

    @FXML
    private void disconnect() {
        ClientRow row = clientList.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.disconnect(row.clientId());
        }
    }

    /** Client ID on the first line, the details under it, greyed once the client has gone. */
    private static final class ClientCell extends ListCell<ClientRow> {
        @Override
        protected void updateItem(ClientRow row, boolean empty) {
            super.updateItem(row, empty);
            textProperty().unbind();
            if (empty || row == null) {
                setText(null);
                pseudoClassStateChanged(GONE, false);
                return;
            }
            textProperty().bind(Bindings.concat(row.clientId(), "\n", row.detailProperty()));
            pseudoClassStateChanged(GONE, !row.connectedProperty().get());
        }
    }

    private static final PseudoClass GONE = PseudoClass.getPseudoClass("gone");

    @FXML
    private void fit() {
        canvas.fit();
    }

    @FXML
    private void togglePresenter() {
        presenter.toggle(canvasHolder.getScene() == null ? null : canvasHolder.getScene().getWindow());
    }
}
