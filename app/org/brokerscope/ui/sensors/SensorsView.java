package org.brokerscope.ui.sensors;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
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
    @FXML private CheckMenuItem dropoutItem;
    @FXML private CheckMenuItem spikeItem;
    @FXML private CheckMenuItem stuckItem;
    @FXML private CheckMenuItem driftItem;
    @FXML private CheckMenuItem garbledItem;

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
        initEditor();
        weatherLabel.textProperty().bind(model.weatherTextProperty());
        weatherButton.textProperty().bind(Bindings.when(model.weatherRunningProperty())
                .then(i18n.text("sensors.weather.stop")).otherwise(i18n.text("sensors.weather.start")));
    }

    private void initEditor() {
        formatBox.getItems().setAll(PayloadFormat.values());
        formatBox.setConverter(ReadOnlyConverter.of(f -> i18n.text("sensors.format." + f.key())));
        qosBox.getItems().setAll(0, 1, 2);
        editor.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        editLabel.setText(i18n.text("sensors.edit.none"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showSettings(row));
    }

    /** Fills the editor with the selected sensor's settings. */
    private void showSettings(SensorRow row) {
        if (row == null) {
            editLabel.setText(i18n.text("sensors.edit.none"));
            return;
        }
        model.specOf(row).ifPresent(spec -> {
            editLabel.setText(i18n.text("sensors.edit.selected", spec.id()));
            intervalField.setText(String.valueOf(spec.interval().toMillis()));
            formatBox.setValue(spec.format());
            qosBox.setValue(spec.qos());
            retainBox.setSelected(spec.retain());
            SensorEditing.FaultChoice f = SensorEditing.FaultChoice.of(spec.faults());
            dropoutItem.setSelected(f.dropout());
            spikeItem.setSelected(f.spike());
            stuckItem.setSelected(f.stuck());
            driftItem.setSelected(f.drift());
            garbledItem.setSelected(f.garbled());
        });
    }

    @FXML
    private void applySettings() {
        SensorRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.applySettings(row, intervalField.getText(), formatBox.getValue(), qosBox.getValue(),
                    retainBox.isSelected(), new SensorEditing.FaultChoice(dropoutItem.isSelected(), spikeItem.isSelected(),
                            stuckItem.isSelected(), driftItem.isSelected(), garbledItem.isSelected()));
        }
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
        model.addSensor(newRoomField.getText(), measureBox.getValue() == null ? null : measureBox.getValue().key());
    }

    @FXML
    private void toggleWeather() {
        model.toggleWeather(weatherCityField.getText(), weatherKeyField.getText(), weatherUrlField.getText());
    }

    @FXML
    private void addRoom() {
        model.addRoom(newRoomField.getText());
    }

    @FXML
    private void loadFile() {
        File file = chooser().showOpenDialog(table.getScene().getWindow());
        if (file != null) {
            model.loadFile(file.toPath());
        }
    }

    @FXML
    private void saveFile() {
        FileChooser chooser = chooser();
        chooser.setInitialFileName("scenario.json");
        File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            model.saveFile(file.toPath());
        }
    }

    private FileChooser chooser() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("sensors.file.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.text("sensors.file.kind"), "*.json"));
        return chooser;
    }

    /** Start or Stop for one sensor, following its state. */
    private final class ToggleCell extends TableCell<SensorRow, SensorRow> {
        private final Button button = new Button();

        ToggleCell() {
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
            setGraphic(button);
        }
    }
}
