package org.brokerscope.broker;

import org.brokerscope.domain.Topics;

/**
 * What the embedded broker saw a client do, with the client's ID: the facts the graph view draws, so it
 * never has to invent client nodes.
 */
public sealed interface BrokerEvent {
    String clientId();

    /** Whether this is a Brokerscope measuring its lag ({@link Topics#isLagProbe}), not the clients' own traffic. */
    default boolean isLagProbe() {
        return switch (this) {
            case Published e -> Topics.isLagProbe(e.topic());
            case Subscribed e -> Topics.isLagProbe(e.topicFilter());
            case Unsubscribed e -> Topics.isLagProbe(e.topicFilter());
            case Connected c -> false;
            case Disconnected d -> false;
        };
    }

    /**
     * @param address      the client's IP address as text, without port
     * @param mqttVersion  "3.1", "3.1.1" or "5"
     */
    record Connected(String clientId, String address, String mqttVersion) implements BrokerEvent {
    }

    record Disconnected(String clientId) implements BrokerEvent {
    }

    record Subscribed(String clientId, String topicFilter, int qos) implements BrokerEvent {
    }

    record Unsubscribed(String clientId, String topicFilter) implements BrokerEvent {
    }

    record Published(String clientId, String topic, int payloadBytes) implements BrokerEvent {
    }
}
