package org.brokerscope.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.brokerscope.domain.MessageProperties;

/**
 * One message to publish, with its MQTT 5 properties ({@link MessageProperties#NONE} for none). Built
 * with {@link #to(String)}; the payload array is owned by the request once built, callers must not change it.
 *
 * @param topic      the topic name (validated by {@link Publisher}, not here, so the reason reaches the user)
 * @param payload    the bytes sent, never null
 * @param qos        0, 1 or 2
 * @param retained   whether the broker keeps it as the topic's retained message
 * @param properties the MQTT 5 PUBLISH properties; a 3.1.1 connection refuses any
 */
public record PublishRequest(String topic, byte[] payload, int qos, boolean retained, MessageProperties properties) {

    public PublishRequest {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(properties, "properties");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + qos);
        }
    }

    public static Builder to(String topic) {
        return new Builder(topic);
    }

    /** Whether any MQTT 5 property is set, which a 3.1.1 connection cannot carry. */
    public boolean hasProperties() {
        return !properties.equals(MessageProperties.NONE) && (properties.contentType().isPresent()
                || properties.responseTopic().isPresent() || properties.correlationData().isPresent()
                || properties.messageExpiryInterval().isPresent() || properties.payloadIsUtf8()
                || !properties.userProperties().isEmpty());
    }

    /** The same message with other bytes, e.g. after expanding template variables again. */
    public PublishRequest withPayload(byte[] bytes) {
        return new PublishRequest(topic, bytes, qos, retained, properties);
    }

    /** Collects the optional parts of a request, HiveMQ-client style. */
    public static final class Builder {
        private final String topic;
        private byte[] payload = new byte[0];
        private int qos;
        private boolean retained;
        private Optional<String> contentType = Optional.empty();
        private Optional<String> responseTopic = Optional.empty();
        private Optional<byte[]> correlationData = Optional.empty();
        private OptionalLong expirySeconds = OptionalLong.empty();
        private boolean payloadIsUtf8;
        private final List<MessageProperties.UserProperty> userProperties = new ArrayList<>();

        private Builder(String topic) {
            this.topic = topic;
        }

        public Builder payload(byte[] bytes) {
            this.payload = bytes.clone();
            return this;
        }

        public Builder qos(int level) {
            this.qos = level;
            return this;
        }

        public Builder retained(boolean retain) {
            this.retained = retain;
            return this;
        }

        public Builder contentType(String type) {
            this.contentType = Optional.of(type);
            return this;
        }

        public Builder responseTopic(String topicName) {
            this.responseTopic = Optional.of(topicName);
            return this;
        }

        public Builder correlationData(byte[] data) {
            this.correlationData = Optional.of(data.clone());
            return this;
        }

        public Builder messageExpirySeconds(long seconds) {
            this.expirySeconds = OptionalLong.of(seconds);
            return this;
        }

        public Builder payloadIsUtf8(boolean utf8) {
            this.payloadIsUtf8 = utf8;
            return this;
        }

        public Builder userProperty(String key, String value) {
            userProperties.add(new MessageProperties.UserProperty(key, value));
            return this;
        }

        public PublishRequest build() {
            boolean any = contentType.isPresent() || responseTopic.isPresent() || correlationData.isPresent()
                    || expirySeconds.isPresent() || payloadIsUtf8 || !userProperties.isEmpty();
            MessageProperties properties = any ? new MessageProperties(contentType, responseTopic, correlationData,
                    expirySeconds, payloadIsUtf8, userProperties) : MessageProperties.NONE;
            return new PublishRequest(topic, payload, qos, retained, properties);
        }
    }
}
