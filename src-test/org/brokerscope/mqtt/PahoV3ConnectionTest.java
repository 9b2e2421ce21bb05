package org.brokerscope.mqtt;

/** The MQTT 3.1.1 client (Paho v3) against a real Mosquitto: the whole {@link BrokerConnectionContract}. */
class PahoV3ConnectionTest extends BrokerConnectionContract {
    @Override
    protected BrokerConnection open(ConnectionSettings settings, MessageSink sink) {
        return new PahoV3Connection(settings, sink);
    }
}
