package org.brokerscope.mqtt;

/** Which MQTT version a connection speaks. AUTO tries 5.0 first and falls back to 3.1.1 when refused. */
public enum ProtocolChoice {
    AUTO,
    MQTT_5,
    MQTT_3_1_1
}
