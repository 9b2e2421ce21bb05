package org.brokerscope.sim;

/** Where a virtual sensor is in its life, as the Sensors view shows it. */
public enum SensorState {
    STOPPED,
    CONNECTING,
    RUNNING,
    PAUSED,
    /** Lost its connection; retrying on its own. */
    OFFLINE,
    /** Could not connect; tries again every few seconds until stopped. See the error. */
    FAILED,
    /** Names a broker profile that this fleet does not know (yet); starts once it is given. See the error. */
    NO_BROKER
}
