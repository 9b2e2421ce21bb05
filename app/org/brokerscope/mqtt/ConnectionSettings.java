package org.brokerscope.mqtt;

import java.util.Objects;
import java.util.Optional;

/**
 * What a connection needs to reach a broker. The transport is the URI's scheme: {@code tcp://},
 * {@code ssl://}, {@code ws://host:port/path} or {@code wss://host:port/path}. Profiles (settings/) turn
 * into this.
 *
 * @param serverUri         e.g. {@code tcp://127.0.0.1:1883}
 * @param clientId          unique on the broker
 * @param keepAliveSeconds  MQTT keep-alive
 * @param automaticReconnect whether the client retries by itself after a loss
 * @param sessionExpirySeconds 0 for a clean session each time; more to keep the session, and the
 *                          messages the broker queues for it, that long after a disconnect
 * @param protocol          MQTT version; AUTO tries 5.0 and falls back to 3.1.1
 * @param credentials       username and password, when the broker asks for them
 * @param will              the Last Will the broker publishes if this client drops without DISCONNECT
 * @param tls               certificate checks for {@code ssl://} and {@code wss://}; empty means the JVM's trust
 *                          store with hostname verification. Ignored for {@code tcp://} and {@code ws://}
 */
public record ConnectionSettings(String serverUri, String clientId, int keepAliveSeconds, boolean automaticReconnect,
                                 long sessionExpirySeconds, ProtocolChoice protocol,
                                 Optional<Credentials> credentials, Optional<LastWill> will, Optional<TlsOptions> tls) {

    public ConnectionSettings {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(will, "will");
        Objects.requireNonNull(tls, "tls");
    }

    /** Without TLS options: kept so code written before TLS still compiles. */
    public ConnectionSettings(String serverUri, String clientId, int keepAliveSeconds, boolean automaticReconnect,
                              long sessionExpirySeconds, ProtocolChoice protocol, Optional<Credentials> credentials,
                              Optional<LastWill> will) {
        this(serverUri, clientId, keepAliveSeconds, automaticReconnect, sessionExpirySeconds, protocol, credentials, will,
                Optional.empty());
    }

    /** Whether the transport is encrypted ({@code ssl://} or {@code wss://}). */
    public boolean secure() {
        return serverUri.startsWith("ssl://") || serverUri.startsWith("wss://");
    }

    public static ConnectionSettings of(String serverUri, String clientId) {
        return new ConnectionSettings(serverUri, clientId, 30, true, 0, ProtocolChoice.AUTO, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The same connection with a session the broker keeps, and queues messages for, while offline. */
    public ConnectionSettings withPersistentSession(long expirySeconds) {
        return new ConnectionSettings(serverUri, clientId, keepAliveSeconds, automaticReconnect, expirySeconds, protocol,
                credentials, will, tls);
    }

    public ConnectionSettings withProtocol(ProtocolChoice choice) {
        return new ConnectionSettings(serverUri, clientId, keepAliveSeconds, automaticReconnect, sessionExpirySeconds,
                choice, credentials, will, tls);
    }

    public ConnectionSettings withCredentials(String username, char[] password) {
        return new ConnectionSettings(serverUri, clientId, keepAliveSeconds, automaticReconnect, sessionExpirySeconds,
                protocol, Optional.of(new Credentials(username, password)), will, tls);
    }

    public ConnectionSettings withWill(LastWill lastWill) {
        return new ConnectionSettings(serverUri, clientId, keepAliveSeconds, automaticReconnect, sessionExpirySeconds,
                protocol, credentials, Optional.of(lastWill), tls);
    }

    public ConnectionSettings withTls(TlsOptions options) {
        return new ConnectionSettings(serverUri, clientId, keepAliveSeconds, automaticReconnect, sessionExpirySeconds,
                protocol, credentials, will, Optional.of(options));
    }
}
