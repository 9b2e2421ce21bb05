package org.brokerscope.mqtt;

import org.eclipse.paho.client.mqttv3.MqttPingSender;
import org.eclipse.paho.client.mqttv3.internal.ClientComms;

/** The Paho v3 (MQTT 3.1.1) client's keep-alive, checked five times per interval by {@link KeepAliveChecker}. */
final class PahoV3PingSender implements MqttPingSender {
    private final KeepAliveChecker checker;

    PahoV3PingSender(int keepAliveSeconds) {
        this(new KeepAliveChecker(keepAliveSeconds));
    }

    PahoV3PingSender(KeepAliveChecker checker) {
        this.checker = checker;
    }

    @Override
    public void init(ClientComms comms) {
        checker.checkWith(comms::checkForActivity);
    }

    @Override
    public void start() {
        checker.start();
    }

    @Override
    public void stop() {
        checker.stop();
    }

    @Override
    public void schedule(long delayMillis) {
        checker.schedule(delayMillis);
    }
}
