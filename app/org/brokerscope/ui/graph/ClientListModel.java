package org.brokerscope.ui.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.graph.ClientVertex;
import org.brokerscope.graph.GraphModel;
import org.brokerscope.ui.I18n;

/**
 * The connected clients of the embedded broker for the side list: ID, address, protocol, messages in
 * and out, subscriptions; and the teacher's command to disconnect one.
 */
public final class ClientListModel {
    private final I18n i18n;
    private final ObservableList<ClientRow> rows = FXCollections.observableArrayList();
    private final Map<String, ClientRow> byId = new HashMap<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    ClientListModel(I18n i18n) {
        this.i18n = i18n;
    }

    public ObservableList<ClientRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** What the last disconnect did, in words; empty before. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Brings the rows in line with the graph's clients; a few times a second is enough for people to read. */
    void refresh(GraphModel graph) {
        Set<String> present = new HashSet<>();
        for (ClientVertex c : graph.clients()) {
            present.add(c.clientId());
            ClientRow row = byId.computeIfAbsent(c.clientId(), id -> {
                ClientRow r = new ClientRow(id);
                rows.add(r);
                return r;
            });
            row.update(detail(c), c.connected());
        }
        rows.removeIf(r -> !present.contains(r.clientId()));
        byId.keySet().retainAll(present);
    }

    private String detail(ClientVertex c) {
        String subscriptions = c.subscriptions().isEmpty() ? i18n.text("graph.clients.noSubscriptions")
                : String.join(", ", c.subscriptions().keySet());
        String state = c.connected() ? "" : i18n.text("graph.clients.gone") + " · ";
        return state + i18n.text("graph.clients.detail", c.address().isEmpty() ? "?" : c.address(),
                c.mqttVersion().isEmpty() ? "?" : c.mqttVersion(), c.messagesIn(), c.messagesOut(), subscriptions);
    }

    /** Asks the broker to disconnect a client; the outcome shows in {@link #statusProperty()} via the next frames. */
    CompletableFuture<Boolean> disconnect(EmbeddedBroker broker, String clientId) {
        status.set(i18n.text("graph.clients.disconnecting", clientId));
        return broker.disconnect(clientId);
    }

    void disconnected(String clientId, boolean done, Throwable error) {
        if (error != null) {
            status.set(i18n.text("graph.clients.disconnectFailed", clientId, String.valueOf(error.getMessage())));
        } else {
            status.set(i18n.text(done ? "graph.clients.disconnected" : "graph.clients.notConnected", clientId));
        }
    }
}
