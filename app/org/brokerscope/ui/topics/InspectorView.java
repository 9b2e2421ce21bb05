package org.brokerscope.ui.topics;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.brokerscope.domain.LineDiff;
import org.brokerscope.domain.Message;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;

/** The inspector's controller: payload in the chosen mode, metadata, history with diff, and the chart tab. */
public final class InspectorView {
    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");

    private final InspectorViewModel model;
    private final ChartViewModel chart;
    private final I18n i18n;
    private final ToggleGroup modes = new ToggleGroup();

    @FXML private Label topicLabel;
    @FXML private Label sizeBadge;
    @FXML private TabPane tabs;
    @FXML private Tab chartTab;
    @FXML private HBox modeBox;
    @FXML private Button showAllButton;
    @FXML private Label noteLabel;
    @FXML private Label summaryLabel;
    @FXML private SplitPane payloadSplit;
    @FXML private TreeView<String> jsonTree;
    @FXML private ListView<String> linesView;
    @FXML private ScrollPane imagePane;
    @FXML private ImageView imageView;
    @FXML private VBox numberPane;
    @FXML private Label numberLabel;
    @FXML private Canvas sparkline;
    @FXML private TableView<MessageDetails.Detail> detailsTable;
    @FXML private TableColumn<MessageDetails.Detail, String> detailKey;
    @FXML private TableColumn<MessageDetails.Detail, String> detailValue;
    @FXML private Spinner<Integer> historySpinner;
    @FXML private ListView<Message> historyList;
    @FXML private Label diffNote;
    @FXML private ListView<LineDiff.Line> diffList;

    InspectorView(InspectorViewModel model, ChartViewModel chart, I18n i18n) {
        this.model = model;
        this.chart = chart;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        buildModeButtons();
        showAllButton.managedProperty().bind(showAllButton.visibleProperty());
        show(null);
        model.itemProperty().addListener((obs, old, now) -> topicLabel.setText(now == null ? i18n.text("inspector.nothing") : now.topic()));
        sizeBadge.textProperty().bind(model.sizeBadgeProperty());
        sizeBadge.visibleProperty().bind(model.sizeBadgeProperty().isNotEmpty());
        model.renderingProperty().addListener((obs, old, now) -> show(now));
        summaryLabel.textProperty().bind(model.summaryProperty());
        summaryLabel.visibleProperty().bind(model.summaryProperty().isNotEmpty());
        summaryLabel.managedProperty().bind(summaryLabel.visibleProperty());
        model.summaryProperty().addListener((obs, old, now) -> show(model.renderingProperty().get()));
        model.sparklineProperty().addListener((obs, old, now) -> Sparkline.draw(sparkline, now));
        detailsTable.setItems(model.metadata());
        detailKey.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));
        detailValue.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        buildHistory();
        chartTab.setContent(FxmlViews.load(new ChartView(chart, model, i18n), i18n));
        chart.series().addListener((ListChangeListener<ChartSeries>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    tabs.getSelectionModel().select(chartTab);
                }
            }
        });
    }

    private void buildModeButtons() {
        for (PayloadMode mode : PayloadMode.values()) {
            ToggleButton b = new ToggleButton(i18n.text(mode.key()));
            b.setUserData(mode);
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.setToggleGroup(modes);
            b.getStyleClass().add("mode-" + mode.name().toLowerCase(java.util.Locale.ROOT));
            modeBox.getChildren().add(modeBox.getChildren().size() - 2, b);
        }
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                modes.selectToggle(old); // one mode is always chosen
            } else if (model.modeProperty().get() != now.getUserData()) {
                model.modeProperty().set((PayloadMode) now.getUserData());
            }
        });
        model.modeProperty().addListener((obs, old, now) -> modes.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(modes::selectToggle));
    }

    private void buildHistory() {
        historySpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100_000, model.historyEntriesProperty().get(), 10));
        historySpinner.valueProperty().addListener((obs, old, now) -> model.historyEntriesProperty().set(now));
        historyList.setItems(model.history());
        historyList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        historyList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Message m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : MessageDetails.TIME.format(Instant.ofEpochMilli(m.receivedAtMillis()))
                        + "   " + TopicCells.preview(i18n, m, 100));
            }
        });
        historyList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Message>) c -> {
            var picked = historyList.getSelectionModel().getSelectedItems();
            if (picked.size() == 2) {
                Message a = picked.get(0).receivedAtNanos() <= picked.get(1).receivedAtNanos() ? picked.get(0) : picked.get(1);
                model.compare(a, a == picked.get(0) ? picked.get(1) : picked.get(0));
            }
        });
        diffNote.textProperty().bind(model.diffNoteProperty());
        diffList.setItems(model.diff());
        diffList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LineDiff.Line line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : switch (line.change()) {
                    case SAME -> "  " + line.text();
                    case ADDED -> "+ " + line.text();
                    case REMOVED -> "- " + line.text();
                });
                pseudoClassStateChanged(ADDED, !empty && line != null && line.change() == LineDiff.Change.ADDED);
                pseudoClassStateChanged(REMOVED, !empty && line != null && line.change() == LineDiff.Change.REMOVED);
            }
        });
    }

    private void show(PayloadRendering r) {
        noteLabel.setText(r == null ? "" : r.note());
        showAllButton.setVisible(r != null && r.canShowAll());
        modeBox.setVisible(r != null);
        if (r == null) {
            linesView.setItems(null);
            payloadSplit.getItems().setAll(linesView);
            setShown(imagePane, false);
            setShown(numberPane, false);
            // A level without a message of its own shows its summary instead of an empty list.
            setShown(payloadSplit, model.summaryProperty().get().isEmpty());
            return;
        }
        boolean image = r.image() != null;
        boolean number = r.number().isPresent();
        setShown(imagePane, image);
        setShown(numberPane, number);
        setShown(payloadSplit, !image && !number);
        linesView.setItems(r.lines());
        if (r.json() != null) {
            r.json().setExpanded(true);
            jsonTree.setRoot(r.json());
            payloadSplit.getItems().setAll(jsonTree, linesView);
        } else {
            payloadSplit.getItems().setAll(linesView);
        }
        imageView.setImage(image ? new Image(new ByteArrayInputStream(r.image())) : null);
        if (image && imageView.getImage().isError()) {
            noteLabel.setText(i18n.text("inspector.note.badImage"));
        }
        numberLabel.setText(number ? String.valueOf(r.number().getAsDouble()) : "");
        Sparkline.draw(sparkline, model.sparklineProperty().get());
    }

    private static void setShown(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    @FXML
    private void showAll() {
        model.showAll();
    }
}
