package org.brokerscope.ui.publish;

import java.util.List;
import java.util.Objects;
import org.brokerscope.domain.PayloadFormat;

/**
 * Everything the publish form holds, as typed: what a template saves, what the history keeps for
 * "edit as new", and what {@link DraftCompiler} turns into a request. Blank strings mean "not set".
 *
 * @param file the path of the payload file for {@link PayloadFormat#FILE}; its bytes are read when sending
 */
public record PublishDraft(String topic, PayloadFormat format, String payloadText, String file, int qos,
                           boolean retained, boolean expandVariables, String messageExpiry, String contentType,
                           boolean payloadUtf8, String responseTopic, String correlationData,
                           List<KeyValue> userProperties) {

    /** One MQTT 5 user property as typed in the table. */
    public record KeyValue(String key, String value) {
        public KeyValue {
            key = Objects.requireNonNullElse(key, "");
            value = Objects.requireNonNullElse(value, "");
        }
    }

    // Jackson gives null for fields missing from an older file: read them as "not set".
    public PublishDraft {
        topic = Objects.requireNonNullElse(topic, "");
        format = Objects.requireNonNullElse(format, PayloadFormat.TEXT);
        payloadText = Objects.requireNonNullElse(payloadText, "");
        file = Objects.requireNonNullElse(file, "");
        messageExpiry = Objects.requireNonNullElse(messageExpiry, "");
        contentType = Objects.requireNonNullElse(contentType, "");
        responseTopic = Objects.requireNonNullElse(responseTopic, "");
        correlationData = Objects.requireNonNullElse(correlationData, "");
        userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
    }

    public static PublishDraft empty() {
        return new PublishDraft("", PayloadFormat.TEXT, "", "", 0, false, true, "", "", false, "", "", List.of());
    }

    /** Whether any MQTT 5 property is filled in. */
    public boolean hasProperties() {
        return !messageExpiry.isBlank() || !contentType.isBlank() || payloadUtf8 || !responseTopic.isBlank()
                || !correlationData.isBlank() || userProperties.stream().anyMatch(p -> !p.key().isBlank());
    }
}
