package org.brokerscope.mqtt;

import java.util.concurrent.ScheduledExecutorService;

/** Opens the right {@link BrokerConnection} for a profile, so nothing above {@code mqtt} picks a client library. */
public final class BrokerConnections {
    private BrokerConnections() {
    }

    /** A connection that is not yet connected; call {@link BrokerConnection#connect()}. */
    public static BrokerConnection open(ConnectionSettings settings, MessageSink sink) {
        return switch (settings.protocol()) {
            case MQTT_5 -> new PahoV5Connection(settings, sink);
            case MQTT_3_1_1 -> new PahoV3Connection(settings, sink);
            case AUTO -> new AutoProtocolConnection(settings, sink);
        };
    }

    /**
     * The same, with Paho's client work on {@code clientThreads} (see {@link SharedClientExecutor}), for
     * processes that hold many connections, such as a fleet of virtual sensors.
     */
    public static BrokerConnection open(ConnectionSettings settings, MessageSink sink,
                                        ScheduledExecutorService clientThreads) {
        return switch (settings.protocol()) {
            case MQTT_5 -> new PahoV5Connection(settings, sink, clientThreads);
            case MQTT_3_1_1 -> new PahoV3Connection(settings, sink, clientThreads);
            case AUTO -> new AutoProtocolConnection(settings, sink, clientThreads);
        };
    }
}
