package org.brokerscope.ui.publish;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.mqtt.NegotiatedSession;
import org.brokerscope.mqtt.PublishPacket;
import org.brokerscope.mqtt.PublishRequest;
import org.brokerscope.mqtt.Publisher;
import org.brokerscope.ui.I18n;

/**
 * What the connection allows, as the form shows it: MQTT 5 or 3.1.1, the broker's limits, topic aliases,
 * and the offline queue. Refreshed once per frame; a property is only set when its value changed.
 */
public final class ConnectionInfo {
    private final I18n i18n;
    private final ReadOnlyBooleanWrapper mqtt5 = new ReadOnlyBooleanWrapper(true);
    private final javafx.beans.property.ReadOnlyLongWrapper maximumPacketSize =
            new javafx.beans.property.ReadOnlyLongWrapper(PublishPacket.PROTOCOL_MAXIMUM);
    private final ReadOnlyStringWrapper protocolNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper topicAliasNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper queueText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> queued = FXCollections.observableArrayList();
    private NegotiatedSession last;
    private int lastQueued = -1;

    ConnectionInfo(I18n i18n) {
        this.i18n = i18n;
        protocolNote.set(i18n.text("publish.protocol.unknown"));
    }

    void update(Optional<NegotiatedSession> session, Publisher publisher) {
        session.filter(s -> !s.equals(last)).ifPresent(this::show);
        int count = publisher.queuedCount();
        if (count != lastQueued) {
            lastQueued = count;
            List<PublishRequest> waiting = publisher.queued();
            queued.setAll(waiting.stream().map(r -> r.topic() + " · QoS " + r.qos()).toList());
            queueText.set(i18n.text("publish.queue.count", count, publisher.queueCapacity()));
        }
    }

    private void show(NegotiatedSession session) {
        last = session;
        boolean v5 = !"3.1.1".equals(session.protocolVersion());
        mqtt5.set(v5);
        maximumPacketSize.set(session.maximumPacketSize().orElse(PublishPacket.PROTOCOL_MAXIMUM));
        if (!v5) {
            protocolNote.set(i18n.text("publish.protocol.v311"));
            topicAliasNote.set(i18n.text("publish.alias.v311"));
            return;
        }
        protocolNote.set(session.maximumPacketSize()
                .map(max -> i18n.text("publish.protocol.v5.max", max))
                .orElse(i18n.text("publish.protocol.v5")));
        int aliases = session.topicAliasMaximum().orElse(0);
        topicAliasNote.set(aliases > 0 ? i18n.text("publish.alias.auto", aliases) : i18n.text("publish.alias.none"));
    }

    public ReadOnlyBooleanProperty mqtt5Property() {
        return mqtt5.getReadOnlyProperty();
    }

    /** The largest packet the broker accepts (the protocol's limit when it set none). */
    public javafx.beans.property.ReadOnlyLongProperty maximumPacketSizeProperty() {
        return maximumPacketSize.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty protocolNoteProperty() {
        return protocolNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty topicAliasNoteProperty() {
        return topicAliasNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queueTextProperty() {
        return queueText.getReadOnlyProperty();
    }

    public ObservableList<String> queued() {
        return FXCollections.unmodifiableObservableList(queued);
    }
}
