package org.brokerscope.ui.graph;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One line of the connected-clients list; updated in place so the user's selection survives. */
public final class ClientRow {
    private final String clientId;
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(true);

    ClientRow(String clientId) {
        this.clientId = clientId;
    }

    public String clientId() {
        return clientId;
    }

    /** Address, protocol, messages in and out, subscriptions; one or two lines. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    void update(String newDetail, boolean isConnected) {
        detail.set(newDetail);
        connected.set(isConnected);
    }
}
