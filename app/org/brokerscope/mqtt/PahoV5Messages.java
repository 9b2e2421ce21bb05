package org.brokerscope.mqtt;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.MessageProperties;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/** Copies a Paho MQTT 5 message into Brokerscope's immutable {@link Message}. */
final class PahoV5Messages {
    private PahoV5Messages() {
    }

    static Message toMessage(String topic, MqttMessage message) {
        long nanos = System.nanoTime();
        return new Message(topic, message.getPayload(), message.getQos(), message.isRetained(),
                properties(message.getProperties()), System.currentTimeMillis(), nanos);
    }

    private static MessageProperties properties(MqttProperties p) {
        if (p == null || isEmpty(p)) {
            return MessageProperties.NONE;
        }
        Long expiry = p.getMessageExpiryInterval();
        List<UserProperty> user = p.getUserProperties();
        return new MessageProperties(
                Optional.ofNullable(p.getContentType()),
                Optional.ofNullable(p.getResponseTopic()),
                Optional.ofNullable(p.getCorrelationData()),
                expiry == null ? OptionalLong.empty() : OptionalLong.of(expiry),
                p.getPayloadFormat(),
                user == null ? List.of() : user.stream()
                        .map(u -> new MessageProperties.UserProperty(u.getKey(), u.getValue())).toList(),
                p.getSubscriptionIdentifiers() == null ? List.of() : List.copyOf(p.getSubscriptionIdentifiers()));
    }

    // Most messages carry no properties: skip building the record and its Optionals for them.
    private static boolean isEmpty(MqttProperties p) {
        return p.getContentType() == null && p.getResponseTopic() == null && p.getCorrelationData() == null
                && p.getMessageExpiryInterval() == null && !p.getPayloadFormat()
                && (p.getUserProperties() == null || p.getUserProperties().isEmpty())
                && (p.getSubscriptionIdentifiers() == null || p.getSubscriptionIdentifiers().isEmpty());
    }
}
