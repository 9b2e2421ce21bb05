package org.brokerscope.broker;

/**
 * What the embedded broker saw a client do, with the client's ID: the facts the graph view draws, so it
 * never has to invent client nodes.
 */
public sealed interface BrokerEvent {
    String clientId();

    record Connected(String clientId) implements BrokerEvent {
    }

    record Disconnected(String clientId) implements BrokerEvent {
    }

    record Subscribed(String clientId, String topicFilter, int qos) implements BrokerEvent {
    }

    record Published(String clientId, String topic, int payloadBytes) implements BrokerEvent {
    }
}
