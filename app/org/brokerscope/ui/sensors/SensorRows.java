package org.brokerscope.ui.sensors;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.sim.SensorState;
import org.brokerscope.sim.SensorStatus;
import org.brokerscope.ui.I18n;

/** The Sensors table's rows and room list, kept in step with the fleet's statuses a few times a second. */
final class SensorRows {
    private final I18n i18n;
    private final SensorEditing editing;
    private final ObservableList<SensorRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> rooms = FXCollections.observableArrayList();
    private final Map<String, SensorRow> byId = new HashMap<>();

    SensorRows(I18n i18n, SensorEditing editing) {
        this.i18n = i18n;
        this.editing = editing;
    }

    ObservableList<SensorRow> rows() {
        return rows;
    }

    ObservableList<String> rooms() {
        return rooms;
    }

    /** Updates every row; returns how many are started and how many messages they sent. */
    long[] update(List<SensorStatus> statuses) {
        if (statuses.size() != rows.size() || !sameIds(statuses)) {
            rebuild(statuses);
        }
        long running = 0;
        long messages = 0;
        for (SensorStatus s : statuses) {
            SensorRow row = byId.get(s.id());
            row.update(s, editing.valueText(s), stateText(s),
                    s.broker().orElseGet(() -> i18n.text("sensors.broker.fleet")));
            running += row.activeProperty().get() ? 1 : 0;
            messages += s.published();
        }
        return new long[] {running, messages};
    }

    /** The state, with the reason when the sensor cannot publish (e.g. a refused password). */
    private String stateText(SensorStatus s) {
        String state = i18n.text("sensors.state." + s.state().name().toLowerCase(Locale.ROOT).replace("_", ""));
        boolean troubled = s.state() == SensorState.FAILED || s.state() == SensorState.OFFLINE
                || s.state() == SensorState.NO_BROKER;
        return troubled && s.error().isPresent() ? state + ": " + s.error().get() : state;
    }

    private boolean sameIds(List<SensorStatus> statuses) {
        for (int i = 0; i < statuses.size(); i++) {
            if (!statuses.get(i).id().equals(rows.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    private void rebuild(List<SensorStatus> statuses) {
        Map<String, SensorRow> old = new HashMap<>(byId);
        byId.clear();
        List<SensorRow> fresh = statuses.stream().map(s -> {
            SensorRow row = old.getOrDefault(s.id(), new SensorRow(s.id(), s.room(), editing.measureText(s.measure()), s.topic()));
            byId.put(s.id(), row);
            return row;
        }).toList();
        rows.setAll(fresh);
        rooms.setAll(fresh.stream().map(SensorRow::room).distinct().toList());
    }
}
