package org.brokerscope.domain;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The MQTT 5 PUBLISH properties Brokerscope shows; all absent on a 3.1.1 connection. */
public record MessageProperties(Optional<String> contentType,
                                Optional<String> responseTopic,
                                Optional<byte[]> correlationData,
                                OptionalLong messageExpiryInterval,
                                boolean payloadIsUtf8,
                                List<UserProperty> userProperties,
                                List<Integer> subscriptionIdentifiers) {

    public static final MessageProperties NONE = new MessageProperties(Optional.empty(), Optional.empty(),
            Optional.empty(), OptionalLong.empty(), false, List.of(), List.of());

    public MessageProperties {
        userProperties = List.copyOf(userProperties);
        subscriptionIdentifiers = List.copyOf(subscriptionIdentifiers);
    }

    /** Without subscription identifiers, e.g. for a message to publish (they are set by the broker only). */
    public MessageProperties(Optional<String> contentType, Optional<String> responseTopic,
                             Optional<byte[]> correlationData, OptionalLong messageExpiryInterval,
                             boolean payloadIsUtf8, List<UserProperty> userProperties) {
        this(contentType, responseTopic, correlationData, messageExpiryInterval, payloadIsUtf8, userProperties, List.of());
    }

    /** One MQTT 5 user property; keys may repeat, so these stay a list, not a map. */
    public record UserProperty(String key, String value) {
    }
}
