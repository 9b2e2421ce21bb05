package org.brokerscope.mqtt;

import java.util.Objects;

/**
 * One subscription with its MQTT 5 options. A 3.1.1 connection uses the filter and QoS only and says so
 * through {@link BrokerConnection#supportsSubscriptionOptions()}.
 *
 * @param noLocal           the broker does not send back what this client publishes
 * @param retainAsPublished forwarded messages keep the retain flag they were published with
 * @param retainHandling    0 send retained messages on subscribe, 1 only for a new subscription, 2 never
 */
public record Subscription(String filter, int qos, boolean noLocal, boolean retainAsPublished, int retainHandling) {

    public Subscription {
        Objects.requireNonNull(filter, "filter");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + qos);
        }
        if (retainHandling < 0 || retainHandling > 2) {
            throw new IllegalArgumentException("Retain handling must be 0, 1 or 2, was " + retainHandling);
        }
    }

    /** A plain subscription: no MQTT 5 options changed from their defaults. */
    public static Subscription of(String filter, int qos) {
        return new Subscription(filter, qos, false, false, 0);
    }

    /**
     * How a monitor subscribes: retain-as-published, because MQTT 5 brokers clear the retain flag on live
     * forwarding and the tree could not tell which topics hold a retained message otherwise.
     */
    public static Subscription watching(String filter, int qos) {
        return new Subscription(filter, qos, false, true, 0);
    }

    public boolean hasV5Options() {
        return noLocal || retainAsPublished || retainHandling != 0;
    }
}
