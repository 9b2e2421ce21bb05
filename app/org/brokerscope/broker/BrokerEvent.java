package org.brokerscope.broker;

/**
 * What the embedded broker saw a client do, with the client's ID: the facts the graph view draws, so it
 * never has to invent client nodes.
 */
public sealed interface BrokerEvent {
    String clientId();

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
