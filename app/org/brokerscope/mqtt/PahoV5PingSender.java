package org.brokerscope.mqtt;

import org.eclipse.paho.mqttv5.client.MqttPingSender;
import org.eclipse.paho.mqttv5.client.internal.ClientComms;

/** The Paho v5 client's keep-alive, checked five times per interval by {@link KeepAliveChecker}. */
final class PahoV5PingSender implements MqttPingSender {
    private final KeepAliveChecker checker;

    PahoV5PingSender(int keepAliveSeconds) {
        this(new KeepAliveChecker(keepAliveSeconds));
    }

    PahoV5PingSender(KeepAliveChecker checker) {
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
