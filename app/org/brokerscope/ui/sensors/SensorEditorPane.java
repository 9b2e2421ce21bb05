package org.brokerscope.ui.sensors;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.brokerscope.sim.PayloadFormat;
import org.brokerscope.ui.I18n;
import org.brokerscope.ui.ReadOnlyConverter;

/** The Sensors view's editor for the selected sensor: interval, format, QoS, retain and the five fault rates. */
final class SensorEditorPane {
    private final SensorsViewModel model;
    private final I18n i18n;
    private final TableView<SensorRow> table;
    private final Label editLabel;
    private final TextField interval;
    private final ComboBox<PayloadFormat> format;
    private final ComboBox<Integer> qos;
    private final CheckBox retain;
    private final TextField[] faults;

    /** @param faults dropout, spike, stuck, drift and garbled, in that order */
    SensorEditorPane(SensorsViewModel model, I18n i18n, TableView<SensorRow> table, Label editLabel, TextField interval,
                     ComboBox<PayloadFormat> format, ComboBox<Integer> qos, CheckBox retain, TextField... faults) {
        this.model = model;
        this.i18n = i18n;
        this.table = table;
        this.editLabel = editLabel;
        this.interval = interval;
        this.format = format;
        this.qos = qos;
        this.retain = retain;
        this.faults = faults;
        format.getItems().setAll(PayloadFormat.values());
        format.setConverter(ReadOnlyConverter.of(f -> i18n.text("sensors.format." + f.key())));
        qos.getItems().setAll(0, 1, 2);
        editLabel.setText(i18n.text("sensors.edit.none"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> show(row));
    }

    /** Fills the editor with the selected sensor's settings. */
    private void show(SensorRow row) {
        if (row == null) {
            editLabel.setText(i18n.text("sensors.edit.none"));
            return;
        }
        model.specOf(row).ifPresent(spec -> {
            editLabel.setText(i18n.text("sensors.edit.selected", spec.id()));
            interval.setText(String.valueOf(spec.interval().toMillis()));
            format.setValue(spec.format());
            qos.setValue(spec.qos());
            retain.setSelected(spec.retain());
            SensorEditing.FaultFields f = SensorEditing.FaultFields.of(spec.faults());
            String[] texts = {f.dropout(), f.spike(), f.stuck(), f.drift(), f.garbled()};
            for (int i = 0; i < faults.length; i++) {
                faults[i].setText(texts[i]);
            }
        });
    }

    void apply() {
        SensorRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.applySettings(row, interval.getText(), format.getValue(), qos.getValue(), retain.isSelected(),
                    new SensorEditing.FaultFields(faults[0].getText(), faults[1].getText(), faults[2].getText(),
                            faults[3].getText(), faults[4].getText()));
        }
    }
}
