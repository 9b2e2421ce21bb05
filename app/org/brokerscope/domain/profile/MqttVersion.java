package org.brokerscope.domain.profile;

/** Which MQTT version a profile asks for; AUTO tries 5.0 and falls back to 3.1.1. */
public enum MqttVersion {
    AUTO,
    V5,
    V3_1_1
}
