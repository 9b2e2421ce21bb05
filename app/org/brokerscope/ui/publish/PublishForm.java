package org.brokerscope.ui.publish;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.domain.PayloadFormat;

/** The publish form's editable fields, as properties the view binds to both ways. FX thread only. */
public final class PublishForm {
    private final StringProperty topic = new SimpleStringProperty("");
    private final ObjectProperty<PayloadFormat> format = new SimpleObjectProperty<>(PayloadFormat.TEXT);
    private final StringProperty payloadText = new SimpleStringProperty("");
    private final StringProperty file = new SimpleStringProperty("");
    private final IntegerProperty qos = new SimpleIntegerProperty(0);
    private final BooleanProperty retained = new SimpleBooleanProperty(false);
    private final BooleanProperty expandVariables = new SimpleBooleanProperty(true);
    private final StringProperty messageExpiry = new SimpleStringProperty("");
    private final StringProperty contentType = new SimpleStringProperty("");
    private final BooleanProperty payloadUtf8 = new SimpleBooleanProperty(false);
    private final StringProperty responseTopic = new SimpleStringProperty("");
    private final StringProperty correlationData = new SimpleStringProperty("");
    private final ObservableList<UserPropertyRow> userProperties =
            FXCollections.observableArrayList(UserPropertyRow::observables);

    public StringProperty topicProperty() {
        return topic;
    }

    public ObjectProperty<PayloadFormat> formatProperty() {
        return format;
    }

    public StringProperty payloadTextProperty() {
        return payloadText;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public IntegerProperty qosProperty() {
        return qos;
    }

    public BooleanProperty retainedProperty() {
        return retained;
    }

    public BooleanProperty expandVariablesProperty() {
        return expandVariables;
    }

    public StringProperty messageExpiryProperty() {
        return messageExpiry;
    }

    public StringProperty contentTypeProperty() {
        return contentType;
    }

    public BooleanProperty payloadUtf8Property() {
        return payloadUtf8;
    }

    public StringProperty responseTopicProperty() {
        return responseTopic;
    }

    public StringProperty correlationDataProperty() {
        return correlationData;
    }

    public ObservableList<UserPropertyRow> userProperties() {
        return userProperties;
    }

    /** Every field, to revalidate when any changes. */
    Observable[] all() {
        return new Observable[] {topic, format, payloadText, file, qos, retained, expandVariables, messageExpiry,
                contentType, payloadUtf8, responseTopic, correlationData, userProperties};
    }

    PublishDraft draft() {
        return new PublishDraft(topic.get(), format.get(), payloadText.get(), file.get(), qos.get(), retained.get(),
                expandVariables.get(), messageExpiry.get(), contentType.get(), payloadUtf8.get(), responseTopic.get(),
                correlationData.get(), userProperties.stream().map(UserPropertyRow::toKeyValue).toList());
    }

    void load(PublishDraft draft) {
        topic.set(draft.topic());
        format.set(draft.format());
        payloadText.set(draft.payloadText());
        file.set(draft.file());
        qos.set(draft.qos());
        retained.set(draft.retained());
        expandVariables.set(draft.expandVariables());
        messageExpiry.set(draft.messageExpiry());
        contentType.set(draft.contentType());
        payloadUtf8.set(draft.payloadUtf8());
        responseTopic.set(draft.responseTopic());
        correlationData.set(draft.correlationData());
        userProperties.setAll(draft.userProperties().stream().map(p -> new UserPropertyRow(p.key(), p.value())).toList());
    }
}
