package org.brokerscope.domain.profile;

import java.util.List;
import java.util.Objects;

/** A topic filter to subscribe to on every connect, with its QoS. */
public record Subscription(String filter, int qos) {
    public Subscription {
        Objects.requireNonNull(filter, "filter");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + qos);
        }
    }

    /**
     * Everything, plus the broker's own statistics: {@code #} does not match {@code $SYS} topics, and a
     * broker without them (HiveMQ) simply sends nothing there.
     */
    public static List<Subscription> defaults() {
        return List.of(new Subscription("#", 0), new Subscription("$SYS/#", 0));
    }
}
