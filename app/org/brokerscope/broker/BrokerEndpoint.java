package org.brokerscope.broker;

/**
 * Where the embedded broker ended up listening.
 *
 * @param requestedPort the port that was asked for (0 for any)
 * @param portWasTaken  true when the requested port was busy and another one was chosen, which the
 *                      user must be told about
 */
public record BrokerEndpoint(String host, int port, int requestedPort, boolean portWasTaken) {

    public String tcpUri() {
        return "tcp://" + host + ":" + port;
    }

    /** The address as users write it, e.g. in a sketch or in mosquitto_sub. */
    public String displayUrl() {
        return "mqtt://" + host + ":" + port;
    }
}
