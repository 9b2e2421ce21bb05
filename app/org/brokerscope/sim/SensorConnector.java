package org.brokerscope.sim;

import java.util.concurrent.ScheduledExecutorService;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.BrokerConnections;
import org.brokerscope.mqtt.ConnectionSettings;

/** Opens one sensor's own connection; {@code clientThreads} is the fleet's shared executor for client work. */
@FunctionalInterface
public interface SensorConnector {

    BrokerConnection open(ConnectionSettings settings, ScheduledExecutorService clientThreads);

    /**
     * Paho with the settings' protocol: MQTT 5, 3.1.1, or Auto (5, then 3.1.1 if the broker refuses it),
     * every client on the shared executor; sensors never subscribe.
     */
    static SensorConnector paho() {
        return (settings, threads) -> BrokerConnections.open(settings, message -> { }, threads);
    }
}
