package org.brokerscope.mqtt;

/** The MQTT 5 client (Paho v5) against a real Mosquitto: the whole {@link BrokerConnectionContract}. */
class PahoV5ConnectionTest extends BrokerConnectionContract {
    @Override
    protected BrokerConnection open(ConnectionSettings settings, MessageSink sink) {
        return new PahoV5Connection(settings, sink);
    }
}
