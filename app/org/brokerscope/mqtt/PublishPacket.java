package org.brokerscope.mqtt;

import java.nio.charset.StandardCharsets;
import org.brokerscope.domain.MessageProperties;

/**
 * The encoded size of a PUBLISH packet, computed before sending so that a payload over the broker's
 * Maximum Packet Size is refused with the limit stated, not met by a disconnect. Paho v5 1.2.5 checks
 * outgoing packets against the client's own receive limit instead of the broker's (Paho #987), so its
 * check cannot be relied on.
 */
public final class PublishPacket {
    /** The largest Remaining Length MQTT can encode (four length bytes), so the largest packet at all. */
    public static final long PROTOCOL_MAXIMUM = 268_435_455L + 5;
    // Paho v5 adds a Topic Alias property (3 bytes) by itself whenever the broker allows aliases.
    private static final int TOPIC_ALIAS_PROPERTY = 3;

    private PublishPacket() {
    }

    /** Bytes of the whole packet: fixed header, topic, packet id, properties (MQTT 5) and payload. */
    public static long size(PublishRequest request, boolean mqtt5) {
        long remaining = 2L + utf8Length(request.topic()) + (request.qos() > 0 ? 2 : 0) + request.payload().length;
        if (mqtt5) {
            long properties = propertiesLength(request.properties()) + TOPIC_ALIAS_PROPERTY;
            remaining += varIntLength(properties) + properties;
        }
        return 1 + varIntLength(remaining) + remaining;
    }

    private static long propertiesLength(MessageProperties p) {
        long length = 0;
        if (p.payloadIsUtf8()) {
            length += 2;
        }
        if (p.messageExpiryInterval().isPresent()) {
            length += 5;
        }
        length += p.contentType().map(s -> 3L + utf8Length(s)).orElse(0L);
        length += p.responseTopic().map(s -> 3L + utf8Length(s)).orElse(0L);
        length += p.correlationData().map(b -> 3L + b.length).orElse(0L);
        for (MessageProperties.UserProperty u : p.userProperties()) {
            length += 5L + utf8Length(u.key()) + utf8Length(u.value());
        }
        return length;
    }

    static int varIntLength(long value) {
        if (value < 128) {
            return 1;
        }
        if (value < 16_384) {
            return 2;
        }
        return value < 2_097_152 ? 3 : 4;
    }

    private static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
