package org.brokerscope.ui.sensors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.brokerscope.sim.SensorState;
import org.brokerscope.sim.SensorStatus;

/** One sensor in the Sensors table; updated by {@link SensorsViewModel} a few times a second. */
public final class SensorRow {
    private final String id;
    private final String room;
    private final String measure;
    private final String topic;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper broker = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private SensorState lastState;

    SensorRow(String id, String room, String measure, String topic) {
        this.id = id;
        this.room = room;
        this.measure = measure;
        this.topic = topic;
    }

    public String id() {
        return id;
    }

    public String room() {
        return room;
    }

    public String measure() {
        return measure;
    }

    public String topic() {
        return topic;
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The connection profile it publishes to, or a word for the fleet's broker. */
    public ReadOnlyStringProperty brokerProperty() {
        return broker.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Started (connecting, running, paused, reconnecting or retrying): the row's button offers Stop. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public SensorState sensorState() {
        return lastState;
    }

    void update(SensorStatus status, String valueText, String stateText, String brokerText) {
        lastState = status.state();
        broker.set(brokerText);
        value.set(valueText);
        state.set(stateText);
        count.set(status.published());
        active.set(status.state() != SensorState.STOPPED);
    }
}
