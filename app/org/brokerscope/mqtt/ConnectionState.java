package org.brokerscope.mqtt;

/** Where a connection stands, as shown to the user. */
public enum ConnectionState {
    DISCONNECTED,
    CONNECTING,
    CONNECTED,
    /** Lost after being connected; the client is retrying on its own. */
    RECONNECTING,
    /** Gave up or was refused; {@link BrokerConnection#lastError()} says why. */
    FAILED,
    CLOSED
}
