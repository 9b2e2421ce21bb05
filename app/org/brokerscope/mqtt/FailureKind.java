package org.brokerscope.mqtt;

/** Why a connection failed or was lost, as a kind the UI maps to localized text. */
public enum FailureKind {
    BAD_CREDENTIALS,
    NOT_AUTHORIZED,
    UNKNOWN_HOST,
    /** Nothing listens on that port. */
    REFUSED,
    TIMEOUT,
    /** Signed by a CA that neither the JVM nor the CA file trusts. */
    TLS_UNTRUSTED,
    /** A certificate that signed itself (no CA at all), and that the CA file does not hold. */
    TLS_SELF_SIGNED,
    TLS_HOSTNAME_MISMATCH,
    TLS_EXPIRED,
    TLS_OTHER,
    /** The broker wants a client certificate and got none, or refused the one we sent. */
    TLS_CLIENT_CERTIFICATE,
    /** A CA, certificate or key file of ours could not be read; the detail names it. */
    TLS_FILES,
    WEBSOCKET_PATH,
    /** The broker closed a connection that was up, or closed it before answering CONNECT. */
    DROPPED,
    PROTOCOL_UNSUPPORTED,
    /** Another client connected with the same client ID (MQTT 5 reason 0x8E). */
    CLIENT_ID_TAKEN_OVER,
    OTHER
}
