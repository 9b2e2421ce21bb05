package org.brokerscope.ui.topics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.brokerscope.domain.PayloadText;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;

/** The Topics view: the live topic tree with search, context menu and keyboard, beside the inspector. */
public final class TopicsView {
    private final TopicsViewModel model;
    private final SubscriptionsViewModel subscriptions;
    private final I18n i18n;

    @FXML private TextField searchField;
    @FXML private Label searchStatus;
    @FXML private Label waitingLabel;
    @FXML private Label noticeLabel;
    @FXML private TreeTableView<TopicItem> tree;
    @FXML private TreeTableColumn<TopicItem, TopicItem> nameColumn;
    @FXML private TreeTableColumn<TopicItem, TopicSnapshot> valueColumn;
    @FXML private TreeTableColumn<TopicItem, TopicSnapshot> countColumn;
    @FXML private TreeTableColumn<TopicItem, TopicSnapshot> rateColumn;
    @FXML private TreeTableColumn<TopicItem, TopicSnapshot> ageColumn;
    @FXML private TreeTableColumn<TopicItem, TopicSnapshot> retainedColumn;
    @FXML private TreeTableColumn<TopicItem, TopicSnapshot> qosColumn;
    @FXML private TitledPane subscriptionsPane;
    @FXML private StackPane inspectorPane;

    public TopicsView(TopicsViewModel model, SubscriptionsViewModel subscriptions, I18n i18n) {
        this.model = model;
        this.subscriptions = subscriptions;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        tree.rootProperty().bind(model.shownRootProperty());
        TopicCells.install(model, nameColumn, valueColumn, countColumn, rateColumn, ageColumn, retainedColumn, qosColumn);
        tree.setRowFactory(t -> TopicCells.row(model.clockProperty()));
        searchField.textProperty().bindBidirectional(model.searchProperty());
        searchStatus.textProperty().bind(model.searchStatusProperty());
        noticeLabel.textProperty().bind(model.noticeProperty());
        waitingLabel.visibleProperty().bind(model.emptyProperty());
        waitingLabel.managedProperty().bind(model.emptyProperty());
        syncSelection();
        tree.setContextMenu(contextMenu());
        tree.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        InspectorView inspector = new InspectorView(model.inspector(), model.chart(), i18n);
        inspectorPane.getChildren().add(FxmlViews.load(inspector, i18n));
        subscriptionsPane.setContent(FxmlViews.load(new SubscriptionsView(subscriptions), i18n));
    }

    // The selection lives in the model so that select(topic) from other views reaches the tree, also
    // when it was made before this view was first shown.
    private void syncSelection() {
        if (model.selectedProperty().get() != null) {
            tree.getSelectionModel().select(model.selectedProperty().get());
        }
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null || tree.getRoot() == model.shownRootProperty().get()) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && tree.getSelectionModel().getSelectedItem() != now) {
                tree.getSelectionModel().select(now);
                int row = tree.getRow(now);
                if (row >= 0) {
                    tree.scrollTo(Math.max(0, row - 3));
                }
            }
        });
    }

    private ContextMenu contextMenu() {
        MenuItem copyTopic = item("topics.menu.copyTopic", t -> copy(t.topic()));
        MenuItem copyPayload = item("topics.menu.copyPayload", t -> model.payloadOf(t).ifPresent(
                p -> copy(PayloadText.utf8(p, p.length).text())));
        MenuItem publish = item("topics.menu.publish", t -> model.publishTo(t.topic()));
        MenuItem chart = item("topics.menu.chart", t -> model.chart(t.topic()));
        MenuItem delete = item("topics.menu.deleteRetained", t -> confirmDeleteRetained(t.topic()));
        return new ContextMenu(copyTopic, copyPayload, new SeparatorMenuItem(), publish, chart, new SeparatorMenuItem(), delete);
    }

    private MenuItem item(String key, java.util.function.Consumer<TopicItem> action) {
        MenuItem item = new MenuItem(i18n.text(key));
        item.setOnAction(e -> selectedItem().ifPresent(action));
        return item;
    }

    private java.util.Optional<TopicItem> selectedItem() {
        TreeItem<TopicItem> selected = tree.getSelectionModel().getSelectedItem();
        return selected == null ? java.util.Optional.empty() : java.util.Optional.of(selected.getValue());
    }

    // Arrows expand and collapse natively; these add the copy shortcuts and Delete.
    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
            selectedItem().ifPresent(t -> {
                if (e.isShiftDown()) {
                    model.payloadOf(t).ifPresent(p -> copy(PayloadText.utf8(p, p.length).text()));
                } else {
                    copy(t.topic());
                }
            });
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE) {
            selectedItem().ifPresent(t -> confirmDeleteRetained(t.topic()));
            e.consume();
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    private void confirmDeleteRetained(String topic) {
        model.retainedUnder(topic).thenAccept(topics -> Platform.runLater(() -> askAndDelete(topic, topics)));
    }

    private void askAndDelete(String topic, List<String> topics) {
        Alert alert = new Alert(topics.isEmpty() ? Alert.AlertType.INFORMATION : Alert.AlertType.CONFIRMATION);
        alert.initOwner(tree.getScene().getWindow());
        alert.setTitle(i18n.text("topics.delete.title"));
        alert.setHeaderText(topics.isEmpty() ? i18n.text("topics.delete.none", topic)
                : i18n.text("topics.delete.confirm", topics.size(), topic));
        alert.setContentText(topics.isEmpty() ? "" : String.join("\n", topics.subList(0, Math.min(10, topics.size())))
                + (topics.size() > 10 ? "\n…" : ""));
        if (alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent() && !topics.isEmpty()) {
            model.deleteRetained(topics).whenComplete((n, error) -> Platform.runLater(() -> model.reportDeleted(
                    n == null ? 0 : n, error)));
        }
    }
}
