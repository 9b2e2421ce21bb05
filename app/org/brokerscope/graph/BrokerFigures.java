package org.brokerscope.graph;

import java.util.Optional;

/**
 * A broker's figures at one moment, from {@code $SYS} topics or from the embedded broker's extension;
 * each one empty when the broker does not report it.
 */
public record BrokerFigures(Optional<String> version, Optional<Long> uptimeSeconds, Optional<Long> clients,
                            Optional<Double> messagesInPerSecond, Optional<Double> messagesOutPerSecond,
                            Optional<Double> bytesInPerSecond, Optional<Double> bytesOutPerSecond,
                            Optional<Long> retained, Optional<Long> stored, Optional<Long> subscriptions) {

    public static final BrokerFigures NONE = new BrokerFigures(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
}
