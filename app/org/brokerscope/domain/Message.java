package org.brokerscope.domain;

import java.util.Objects;

/**
 * One received MQTT message, copied out of the client library on its callback thread.
 *
 * <p>The record takes ownership of {@code payload} without copying it: the MQTT layer hands over an
 * array nobody else keeps, and a copy per message would double the hot path's allocation. Callers
 * must not modify the array.
 *
 * @param topic            the topic name the message was published to
 * @param payload          the raw payload bytes (never null, possibly empty)
 * @param qos              0, 1 or 2
 * @param retained         whether the broker delivered it as a retained message
 * @param properties       MQTT 5 properties; {@link MessageProperties#NONE} for 3.1.1
 * @param receivedAtMillis wall-clock receive time, for display
 * @param receivedAtNanos  monotonic receive time, for rates and latencies
 */
public record Message(String topic, byte[] payload, int qos, boolean retained,
                      MessageProperties properties, long receivedAtMillis, long receivedAtNanos) {

    public Message {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(properties, "properties");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + qos);
        }
    }

    /** A message received now, without MQTT 5 properties. */
    public static Message received(String topic, byte[] payload, int qos, boolean retained) {
        return new Message(topic, payload, qos, retained, MessageProperties.NONE,
                System.currentTimeMillis(), System.nanoTime());
    }

    public int payloadSize() {
        return payload.length;
    }
}
