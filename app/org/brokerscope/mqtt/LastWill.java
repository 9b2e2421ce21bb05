package org.brokerscope.mqtt;

import java.util.Objects;

/**
 * The message the broker publishes for a client whose connection ends without a clean DISCONNECT: how
 * a sensor tells the others it went offline.
 *
 * @param payload owned by the record once given; callers must not change it
 */
public record LastWill(String topic, byte[] payload, int qos, boolean retained) {

    public LastWill {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + qos);
        }
    }
}
