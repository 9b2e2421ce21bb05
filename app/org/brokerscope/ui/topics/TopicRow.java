package org.brokerscope.ui.topics;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One topic's row in the latest-values table. */
public final class TopicRow {
    private final String topic;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper();
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper retained = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper received = new ReadOnlyStringWrapper();

    TopicRow(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    void update(String newValue, long newCount, boolean isRetained, String receivedAt) {
        value.set(newValue);
        count.set(newCount);
        retained.set(isRetained);
        received.set(receivedAt);
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retainedProperty() {
        return retained.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }
}
