package org.brokerscope.ui.rooms;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.brokerscope.domain.rooms.AlertEvent;
import org.brokerscope.domain.rooms.MappingRule;
import org.brokerscope.domain.rooms.Measures;
import org.brokerscope.domain.rooms.RoomSnapshots;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.ToggleSwitch;
import org.brokerscope.ui.I18n;

/** The Rooms dashboard: thin controller that turns the view model's snapshots into cards. */
public final class RoomsView {
    /** Tiles change at most twice a second: TilesFX gauges cost CPU per update (LIBRARY_NOTES). */
    static final long TILE_EVERY_MILLIS = 500;
    static final int NEW_CARDS_PER_REFRESH = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final RoomsViewModel model;
    private final I18n i18n;
    private final Map<String, RoomCard> cardByKey = new HashMap<>();
    private HouseCards house;
    private boolean chartForced;
    private Window lastWindow;

    @FXML private javafx.scene.layout.BorderPane root;
    @FXML private ToggleButton presenterButton;
    @FXML private ChoiceBox<RoomsViewModel.Sort> sortChoice;
    @FXML private SegmentedButton windowButtons;
    @FXML private Button showAllButton;
    @FXML private ToggleSwitch publishSwitch;
    @FXML private javafx.scene.control.CheckBox groupCheck;
    @FXML private Spinner<Integer> periodSpinner;
    @FXML private TextField alertTopicField;
    @FXML private Label statusLabel;
    @FXML private FlowPane houseBox;
    @FXML private Label waitingLabel;
    @FXML private ScrollPane scroll;
    @FXML private FlowPane cards;
    @FXML private Label unreadableLabel;
    @FXML private TableView<AlertEvent> alertTable;
    @FXML private TableColumn<AlertEvent, String> timeColumn;
    @FXML private TableColumn<AlertEvent, String> roomColumn;
    @FXML private TableColumn<AlertEvent, String> measureColumn;
    @FXML private TableColumn<AlertEvent, String> stateColumn;
    @FXML private TableColumn<AlertEvent, String> valueColumn;
    @FXML private TableColumn<AlertEvent, String> ruleColumn;

    public RoomsView(RoomsViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        house = new HouseCards(houseBox, i18n);
        setUpToolbar();
        setUpPublishing();
        setUpAlertLog();
        setUpPresenterTheme();
        model.snapshotProperty().addListener((obs, old, now) -> refresh());
        model.arrangementProperty().addListener((obs, old, now) -> refresh());
        model.alertLog().addListener((ListChangeListener<AlertEvent>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    notifyFired(List.copyOf(change.getAddedSubList()));
                    alertTable.scrollTo(alertTable.getItems().size() - 1);
                }
            }
        });
        cards.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, was, window) -> lastWindow = window == null ? lastWindow : window);
                lastWindow = scene.getWindow() == null ? lastWindow : scene.getWindow();
                chartForced = true;
                refresh();
            }
        });
        refresh();
    }

    private void setUpToolbar() {
        sortChoice.getItems().setAll(RoomsViewModel.Sort.values());
        sortChoice.setConverter(converter(s -> i18n.text("rooms.sort." + s.name())));
        sortChoice.valueProperty().bindBidirectional(model.sortProperty());
        for (ChartWindow w : ChartWindow.values()) {
            ToggleButton b = new ToggleButton(i18n.text("rooms.window." + w.name()));
            b.setId("window-" + w.name());
            b.setUserData(w);
            b.setSelected(w == model.chartWindowProperty().get());
            b.setOnAction(e -> {
                b.setSelected(true); // one window is always chosen
                model.chartWindowProperty().set(w);
                chartForced = true;
                refresh();
            });
            windowButtons.getButtons().add(b);
        }
    }

    // F11 here, the toolbar button, or the Graph's presenter mode: one shared theme for the projector.
    private void setUpPresenterTheme() {
        presenterButton.selectedProperty().bindBidirectional(model.presenterThemeProperty());
        presenterButton.setTooltip(new javafx.scene.control.Tooltip(i18n.text("rooms.presenter.tooltip")));
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F11) {
                model.presenterThemeProperty().set(!model.presenterThemeProperty().get());
                e.consume();
            }
        });
        model.presenterThemeProperty().addListener((obs, was, on) -> applyPresenterTheme(on));
        applyPresenterTheme(model.presenterThemeProperty().get());
    }

    private void applyPresenterTheme(boolean on) {
        root.getStyleClass().remove(org.brokerscope.ui.PresenterTheme.STYLE_CLASS);
        if (on) {
            root.getStyleClass().add(org.brokerscope.ui.PresenterTheme.STYLE_CLASS);
        }
        cardByKey.values().forEach(c -> c.setPresenter(on));
        chartForced = true;
        refresh();
    }

    private void setUpPublishing() {
        RoomsSettings s = model.settings();
        periodSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 3_600, s.aggregatePeriodSeconds()));
        publishSwitch.setSelected(s.publishAggregates());
        alertTopicField.setText(s.alertTopic());
        Runnable apply = () -> model.setPublishing(publishSwitch.isSelected(), periodSpinner.getValue(), alertTopicField.getText().strip());
        publishSwitch.selectedProperty().addListener((obs, old, now) -> apply.run());
        periodSpinner.valueProperty().addListener((obs, old, now) -> apply.run());
        alertTopicField.setOnAction(e -> apply.run());
        alertTopicField.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && !alertTopicField.getText().strip().equals(model.settings().alertTopic())) {
                apply.run();
            }
        });
        groupCheck.setSelected(s.aggregateAsGroup());
        groupCheck.setTooltip(new javafx.scene.control.Tooltip(i18n.text("rooms.group.tooltip")));
        groupCheck.selectedProperty().addListener((obs, old, now) -> model.setGroupMember(now));
        statusLabel.textProperty().bind(model.statusProperty());
    }

    private void setUpAlertLog() {
        alertTable.setItems(model.alertLog());
        alertTable.setPlaceholder(new Label(i18n.text("rooms.log.empty")));
        timeColumn.setCellValueFactory(c -> text(TIME.format(Instant.ofEpochMilli(c.getValue().timeMillis()))));
        roomColumn.setCellValueFactory(c -> text(c.getValue().room()));
        measureColumn.setCellValueFactory(c -> text(RoomCard.measureName(Measures.recognise(c.getValue().measure()), i18n)));
        stateColumn.setCellValueFactory(c -> text(i18n.text("rooms.log.state." + c.getValue().state().name())));
        valueColumn.setCellValueFactory(c -> text(Double.isNaN(c.getValue().value()) ? ""
                : String.format(i18n.locale(), "%.2f %s", c.getValue().value(), c.getValue().unit())));
        ruleColumn.setCellValueFactory(c -> text(c.getValue().rule()));
    }

    private void refresh() {
        RoomSnapshots.Rooms snapshot = model.snapshotProperty().get();
        List<RoomSnapshots.Room> rooms = model.visibleRooms();
        waitingLabel.setVisible(snapshot.rooms().isEmpty());
        waitingLabel.setManaged(snapshot.rooms().isEmpty());
        int hidden = model.hiddenCount();
        showAllButton.setText(i18n.text("rooms.showAll", hidden));
        showAllButton.setDisable(hidden == 0);
        showUnreadable(snapshot);
        if (cards.getScene() == null) {
            return; // not showing: the cards catch up when the view is shown again
        }
        house.show(snapshot.house());
        // A card costs a TilesFX gauge per measure to build (tens of ms each on a loaded machine): build a few
        // per refresh, so 24 rooms appearing at once do not freeze one frame for seconds (bench frames --view rooms).
        int[] budget = {NEW_CARDS_PER_REFRESH};
        List<Node> ordered = rooms.stream().map(r -> cardByKey.containsKey(r.key()) || budget[0]-- > 0
                ? (Node) cardByKey.computeIfAbsent(r.key(), k -> newCard(r)) : null)
                .filter(java.util.Objects::nonNull).toList();
        if (!ordered.equals(cards.getChildren())) {
            cards.getChildren().setAll(ordered);
        }
        boolean forced = chartForced;
        chartForced = false;
        for (RoomSnapshots.Room room : rooms) {
            RoomCard card = cardByKey.get(room.key());
            if (card != null && (forced || isInViewport(card))) {
                card.update(room, snapshot.takenAtMillis(), model.chartWindowProperty().get(), TILE_EVERY_MILLIS, forced);
            }
        }
    }

    private RoomCard newCard(RoomSnapshots.Room room) {
        RoomCard card = new RoomCard(room, i18n, model::move, model::hide);
        card.setPresenter(model.presenterThemeProperty().get());
        return card;
    }

    private void showUnreadable(RoomSnapshots.Rooms snapshot) {
        List<RoomSnapshots.Unreadable> bad = snapshot.unreadable();
        unreadableLabel.setText(bad.isEmpty() ? "" : i18n.text("rooms.unreadable", bad.size(),
                bad.stream().limit(3).map(u -> u.topic() + " (" + u.count() + ": " + u.reason() + ")")
                        .reduce((a, b) -> a + ", " + b).orElse("")));
    }

    // A card scrolled out of sight costs nothing: its tiles and chart wait until it is seen.
    private boolean isInViewport(RoomCard card) {
        Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
        Bounds bounds = card.localToScene(card.getLayoutBounds());
        return bounds.getWidth() == 0 || viewport.intersects(bounds);
    }

    private void notifyFired(List<AlertEvent> events) {
        List<AlertEvent> fired = events.stream().filter(e -> e.state() == AlertEvent.State.FIRED).toList();
        Window owner = cards.getScene() != null && cards.getScene().getWindow() != null ? cards.getScene().getWindow() : lastWindow;
        if (fired.isEmpty() || owner == null || !owner.isShowing()) {
            return;
        }
        AlertEvent first = fired.getFirst();
        String text = fired.size() == 1 ? describe(first) : i18n.text("rooms.alert.several", fired.size(), describe(first));
        Notifications.create().owner(owner).position(Pos.BOTTOM_RIGHT).title(i18n.text("rooms.alert.title"))
                .text(text).hideAfter(javafx.util.Duration.seconds(8)).showWarning();
    }

    private String describe(AlertEvent e) {
        String measure = RoomCard.measureName(Measures.recognise(e.measure()), i18n);
        return e.stale() ? i18n.text("rooms.alert.stale", e.room(), measure)
                : i18n.text("rooms.alert.value", e.room(), measure, String.format(i18n.locale(), "%.2f", e.value()), e.unit(), e.rule());
    }

    @FXML
    private void showAll() {
        model.showAll();
    }

    @FXML
    private void editMapping() {
        RuleEditorDialog.show(cards.getScene().getWindow(), i18n.text("rooms.mapping.title"), i18n.text("rooms.mapping.help"),
                i18n.text("rooms.mapping.examples") + "\n" + String.join("\n", MappingRule.EXAMPLES),
                model.mappingRulesText(), text -> explained(model.applyMappingRules(text)));
    }

    @FXML
    private void editAlertRules() {
        RuleEditorDialog.show(cards.getScene().getWindow(), i18n.text("rooms.alertRules.title"), i18n.text("rooms.alertRules.help"),
                i18n.text("rooms.alertRules.examples"), model.alertRulesText(), text -> explained(model.applyAlertRules(text)));
    }

    // The editor stays open with the user's text as typed: say that nothing was saved, and why.
    private java.util.Optional<String> explained(java.util.Optional<String> problem) {
        return problem.map(reason -> i18n.text("rooms.rules.invalid", reason));
    }

    @FXML
    private void exportAlerts() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("rooms.log.export"));
        chooser.setInitialFileName("brokerscope-alerts.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(cards.getScene().getWindow());
        if (file != null) {
            Window owner = cards.getScene().getWindow();
            // One completion per export, not per message: runLater is the right tool here.
            model.exportAlerts(file.toPath()).whenComplete((ok, error) -> javafx.application.Platform.runLater(() ->
                    Notifications.create().owner(owner).position(Pos.BOTTOM_RIGHT).title(i18n.text("rooms.log.export"))
                            .text(error == null ? i18n.text("rooms.log.exported", file.getName())
                                    : i18n.text("rooms.log.exportFailed", String.valueOf(error.getCause() == null ? error : error.getCause())))
                            .showInformation()));
        }
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : toText.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
