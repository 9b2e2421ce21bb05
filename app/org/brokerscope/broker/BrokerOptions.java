package org.brokerscope.broker;

/**
 * How to run the embedded broker.
 *
 * @param bindAddress     the interface to listen on; loopback by default so a classroom laptop does not
 *                        expose an open broker to the whole Wi-Fi
 * @param preferredPort   the port to try first; 0 means any free port
 * @param maxQueueSize    messages queued per client before the broker discards; HiveMQ's default of
 *                        1,000 loses messages under a burst
 * @param receiveMaximum  in-flight QoS 1/2 messages per client; HiveMQ's default of 10 throttles
 *                        publishers
 */
public record BrokerOptions(String bindAddress, int preferredPort, long maxQueueSize, int receiveMaximum) {

    public static final int MQTT_PORT = 1883;

    public BrokerOptions {
        if (preferredPort < 0 || preferredPort > 65_535) {
            throw new IllegalArgumentException("Port out of range: " + preferredPort);
        }
    }

    public static BrokerOptions defaults() {
        return onPort(MQTT_PORT);
    }

    public static BrokerOptions onPort(int preferredPort) {
        return new BrokerOptions("127.0.0.1", preferredPort, 100_000, 1_000);
    }
}
