package org.brokerscope.ui.publish;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.brokerscope.mqtt.PublishRequest;

/**
 * One sent message in the history: what was sent (for re-send), the form as typed (for "edit as new"),
 * and its result, which changes from "waiting" to the broker's answer. FX thread only.
 */
public final class HistoryEntry {
    private final String time;
    private final PublishRequest request;
    private final PublishDraft draft;
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();

    HistoryEntry(String time, PublishRequest request, PublishDraft draft, String pendingText) {
        this.time = time;
        this.request = request;
        this.draft = draft;
        this.result.set(pendingText);
    }

    public String time() {
        return time;
    }

    public String topic() {
        return request.topic();
    }

    public int size() {
        return request.payload().length;
    }

    public int qos() {
        return request.qos();
    }

    public boolean retained() {
        return request.retained();
    }

    PublishRequest request() {
        return request;
    }

    PublishDraft draft() {
        return draft;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    void settle(String text, boolean isFailure) {
        // Failed first: the result cell reads it when the text change makes it repaint.
        failed.set(isFailure);
        result.set(text);
    }
}
