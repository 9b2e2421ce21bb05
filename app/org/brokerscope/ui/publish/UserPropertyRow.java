package org.brokerscope.ui.publish;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable row of the user-properties table. */
public final class UserPropertyRow {
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");

    public UserPropertyRow(String key, String value) {
        this.key.set(key);
        this.value.set(value);
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    PublishDraft.KeyValue toKeyValue() {
        return new PublishDraft.KeyValue(key.get(), value.get());
    }

    /** For an observable list that reports edits inside its rows. */
    static Observable[] observables(UserPropertyRow row) {
        return new Observable[] {row.key, row.value};
    }
}
