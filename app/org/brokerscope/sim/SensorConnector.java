package org.brokerscope.sim;

import java.util.concurrent.ScheduledExecutorService;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;

/** Opens one sensor's own connection; {@code clientThreads} is the fleet's shared executor for client work. */
@FunctionalInterface
public interface SensorConnector {

    BrokerConnection open(ConnectionSettings settings, ScheduledExecutorService clientThreads);

    /** MQTT 5 over Paho, every client on the shared executor; sensors never subscribe. */
    static SensorConnector paho() {
        return (settings, threads) -> new PahoV5Connection(settings, message -> { }, threads);
    }
}
