package org.brokerscope.domain.profile;

import java.util.Objects;

/** The Last Will a profile's connection leaves with the broker; the payload is text (UTF-8). */
public record ProfileWill(String topic, String payload, int qos, boolean retained) {
    public ProfileWill {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + qos);
        }
    }
}
