package org.brokerscope.mqtt;

import java.util.Optional;

/**
 * What the broker granted on CONNACK, to show after connecting. The MQTT 5 properties are empty for
 * 3.1.1, and also for 5.0 when the broker did not send them (absent means the protocol default).
 *
 * @param protocolVersion      "5.0" or "3.1.1"
 * @param maximumQos           highest QoS the broker accepts
 * @param retainAvailable      whether the broker keeps retained messages
 * @param maximumPacketSize    largest packet the broker accepts, in bytes
 * @param topicAliasMaximum    how many topic aliases the broker accepts
 * @param serverKeepAlive      keep-alive the broker imposes instead of ours, in seconds
 * @param assignedClientId     the client ID the broker chose when we sent an empty one
 */
public record NegotiatedSession(String protocolVersion, Optional<Integer> maximumQos, Optional<Boolean> retainAvailable,
                                Optional<Long> maximumPacketSize, Optional<Integer> topicAliasMaximum,
                                Optional<Integer> serverKeepAlive, Optional<String> assignedClientId) {

    public static NegotiatedSession mqtt311() {
        return new NegotiatedSession("3.1.1", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
