package org.brokerscope.ui.sensors;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.sim.Measure;
import org.brokerscope.sim.PayloadFormat;
import org.brokerscope.ui.I18n;
import org.brokerscope.ui.ReadOnlyConverter;

/** The Sensors view: the virtual sensors with live values, and the teacher's controls. */
public final class SensorsView {
    private final SensorsViewModel model;
    private final I18n i18n;

    @FXML private Label timeLabel;
    @FXML private ComboBox<Double> speedBox;
    @FXML private Button pauseButton;
    @FXML private ComboBox<String> roomBox;
    @FXML private TextField newRoomField;
    @FXML private ComboBox<Measure> measureBox;
    @FXML private ComboBox<BrokerChoice> sensorBrokerBox;
    @FXML private ComboBox<BrokerChoice> targetBox;
    @FXML private Label targetLabel;
    @FXML private CheckBox saveKeysBox;
    @FXML private TableColumn<SensorRow, String> brokerColumn;
    @FXML private Label messageLabel;
    @FXML private TableView<SensorRow> table;
    @FXML private TableColumn<SensorRow, String> roomColumn;
    @FXML private TableColumn<SensorRow, String> measureColumn;
    @FXML private TableColumn<SensorRow, String> topicColumn;
    @FXML private TableColumn<SensorRow, String> valueColumn;
    @FXML private TableColumn<SensorRow, String> stateColumn;
    @FXML private TableColumn<SensorRow, Number> countColumn;
    @FXML private TableColumn<SensorRow, SensorRow> actionColumn;
    @FXML private Label summaryLabel;
    @FXML private HBox editor;
    @FXML private TextField weatherCityField;
    @FXML private PasswordField weatherKeyField;
    @FXML private TextField weatherUrlField;
    @FXML private Button weatherButton;
    @FXML private Label weatherLabel;
    @FXML private Label editLabel;
    @FXML private TextField intervalField;
    @FXML private ComboBox<PayloadFormat> formatBox;
    @FXML private ComboBox<Integer> qosBox;
    @FXML private CheckBox retainBox;
    @FXML private TextField dropoutField;
    @FXML private TextField spikeField;
    @FXML private TextField stuckField;
    @FXML private TextField driftField;
    @FXML private TextField garbledField;
    @FXML private HBox faultEditor;
    private SensorEditorPane editorPane;

    /** A broker in the combos: a saved profile, or none for "the fleet's broker". */
    record BrokerChoice(ConnectionProfile profile) {
        Optional<ConnectionProfile> asOptional() {
            return Optional.ofNullable(profile);
        }
    }

    public SensorsView(SensorsViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        table.setItems(model.rows());
        roomColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().room()));
        measureColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().measure()));
        topicColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().topic()));
        valueColumn.setCellValueFactory(c -> c.getValue().valueProperty());
        stateColumn.setCellValueFactory(c -> c.getValue().stateProperty());
        countColumn.setCellValueFactory(c -> c.getValue().countProperty());
        brokerColumn.setCellValueFactory(c -> c.getValue().brokerProperty());
        actionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        actionColumn.setCellFactory(column -> new ToggleCell());
        timeLabel.textProperty().bind(model.timeTextProperty());
        timeLabel.visibleProperty().bind(model.timeTextProperty().isNotEmpty());
        summaryLabel.textProperty().bind(model.summaryProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.visibleProperty().bind(model.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        pauseButton.textProperty().bind(Bindings.when(model.pausedProperty())
                .then(i18n.text("sensors.resumeAll")).otherwise(i18n.text("sensors.pauseAll")));
        roomBox.setItems(model.rooms());
        selectARoom();
        model.rooms().addListener((ListChangeListener<String>) change -> selectARoom());
        measureBox.getItems().setAll(Measure.values());
        measureBox.setConverter(ReadOnlyConverter.of(m -> i18n.text("sensors.measure." + m.key())));
        measureBox.setValue(Measure.TEMPERATURE);
        speedBox.getItems().setAll(SensorsViewModel.SPEEDS);
        speedBox.setConverter(ReadOnlyConverter.of(s -> "×" + Math.round(s)));
        speedBox.setValue(1.0);
        speedBox.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.setSpeed(now);
            }
        });
        model.speedProperty().addListener((obs, old, now) -> speedBox.setValue(now.doubleValue()));
        table.disableProperty().bind(model.availableProperty().not());
        editorPane = new SensorEditorPane(model, i18n, table, editLabel, intervalField, formatBox, qosBox, retainBox,
                dropoutField, spikeField, stuckField, driftField, garbledField);
        editor.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        faultEditor.disableProperty().bind(editor.disableProperty());
        initBrokers();
        weatherLabel.textProperty().bind(model.weatherTextProperty());
        weatherButton.textProperty().bind(Bindings.when(model.weatherRunningProperty())
                .then(i18n.text("sensors.weather.stop")).otherwise(i18n.text("sensors.weather.start")));
    }

    private void initBrokers() {
        SensorBrokers brokers = model.brokers();
        brokers.setPrompt(new SecretDialog(i18n, () -> table.getScene().getWindow()));
        targetLabel.textProperty().bind(brokers.targetProperty());
        for (ComboBox<BrokerChoice> box : List.of(targetBox, sensorBrokerBox)) {
            box.setConverter(ReadOnlyConverter.of(c -> c.profile() == null ? i18n.text("sensors.broker.fleet") : c.profile().name()));
            box.setOnShowing(e -> brokers.reload());
        }
        brokers.profiles().addListener((ListChangeListener<ConnectionProfile>) change -> fillBrokerBoxes());
        brokers.reload();
    }

    /** The target offers the profiles; a new sensor may also follow the fleet (the first choice). */
    private void fillBrokerBoxes() {
        List<BrokerChoice> profiles = model.brokers().profiles().stream().map(BrokerChoice::new).toList();
        BrokerChoice target = targetBox.getValue();
        targetBox.getItems().setAll(profiles);
        targetBox.setValue(target != null && profiles.contains(target) ? target : profiles.isEmpty() ? null : profiles.getFirst());
        BrokerChoice own = sensorBrokerBox.getValue();
        List<BrokerChoice> choices = new ArrayList<>();
        choices.add(new BrokerChoice(null));
        choices.addAll(profiles);
        sensorBrokerBox.getItems().setAll(choices);
        sensorBrokerBox.setValue(own != null && choices.contains(own) ? own : choices.getFirst());
    }

    @FXML
    private void useTarget() {
        if (targetBox.getValue() != null) {
            model.useForFleet(targetBox.getValue().profile());
        }
    }

    @FXML
    private void applySettings() {
        editorPane.apply();
    }

    @FXML
    private void removeRoom() {
        model.removeRoom(roomBox.getValue());
    }

    private Optional<ConnectionProfile> sensorBroker() {
        return sensorBrokerBox.getValue() == null ? Optional.empty() : sensorBrokerBox.getValue().asOptional();
    }

    /** Keeps a room chosen, so Start room and Stop room always have one. */
    private void selectARoom() {
        if (roomBox.getValue() == null || !model.rooms().contains(roomBox.getValue())) {
            roomBox.setValue(model.rooms().isEmpty() ? null : model.rooms().getFirst());
        }
    }

    @FXML private void startAll() { model.startAll(); }
    @FXML private void stopAll() { model.stopAll(); }
    @FXML private void togglePause() { model.togglePause(); }
    @FXML private void startRoom() { model.startRoom(roomBox.getValue()); }
    @FXML private void stopRoom() { model.stopRoom(roomBox.getValue()); }
    @FXML private void loadHouse() { model.loadBuiltIn("house", 5); }
    @FXML private void loadClassroom() { model.loadBuiltIn("classroom", 12); }
    @FXML private void loadWeather() { model.loadBuiltIn("weather", 1); }
    @FXML private void loadLoad() { model.loadBuiltIn("load", 200); }

    @FXML
    private void addSensor() {
        model.addSensor(newRoomField.getText(), measureBox.getValue() == null ? null : measureBox.getValue().key(),
                sensorBroker());
    }

    @FXML
    private void toggleWeather() {
        model.setTypedWeatherKey(weatherKeyField.getText());
        model.toggleWeather(weatherCityField.getText(), weatherKeyField.getText(), weatherUrlField.getText());
    }

    @FXML
    private void addRoom() {
        model.addRoom(newRoomField.getText(), sensorBroker());
    }

    @FXML
    private void loadFile() {
        File file = chooser().showOpenDialog(table.getScene().getWindow());
        if (file != null) {
            model.setTypedWeatherKey(weatherKeyField.getText());
            model.loadFile(file.toPath());
        }
    }

    @FXML
    private void saveFile() {
        FileChooser chooser = chooser();
        chooser.setInitialFileName("scenario.json");
        File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            model.saveFile(file.toPath(), saveKeysBox.isSelected());
        }
    }

    private FileChooser chooser() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("sensors.file.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.text("sensors.file.kind"), "*.json"));
        return chooser;
    }

    /** Start or Stop for one sensor, following its state, and Remove. */
    private final class ToggleCell extends TableCell<SensorRow, SensorRow> {
        private final Button button = new Button();
        private final Button remove = new Button(i18n.text("sensors.remove"));
        private final HBox buttons = new HBox(4, button, remove);

        ToggleCell() {
            remove.getStyleClass().add("sensor-remove");
            remove.setOnAction(e -> {
                if (getItem() != null) {
                    model.remove(getItem());
                }
            });
            button.getStyleClass().add("sensor-toggle");
            button.setOnAction(e -> {
                SensorRow row = getItem();
                if (row != null) {
                    if (row.activeProperty().get()) {
                        model.stop(row);
                    } else {
                        model.start(row);
                    }
                }
            });
        }

        @Override
        protected void updateItem(SensorRow row, boolean empty) {
            super.updateItem(row, empty);
            button.textProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            button.textProperty().bind(Bindings.when(row.activeProperty())
                    .then(i18n.text("sensors.stop")).otherwise(i18n.text("sensors.start")));
            setGraphic(buttons);
        }
    }
}
