package org.brokerscope.domain.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A broker the user saved: where it is, how to talk to it, and what to subscribe to. Holds no password:
 * passwords are asked for and kept in memory only (see the README, "Passwords").
 *
 * @param id                   stable key, also the selection in the profile list
 * @param webSocketPath        for ws and wss, e.g. {@code /mqtt}; ignored otherwise
 * @param username             empty for brokers without login
 * @param cleanStart           start without the broker's stored session
 * @param sessionExpirySeconds how long the broker keeps the session after a disconnect (MQTT 5)
 * @param embedded             the app's own broker, whose port is known only once it runs
 */
public record ConnectionProfile(String id, String name, String host, int port, Transport transport,
                                String webSocketPath, MqttVersion version, String clientId, String username,
                                int keepAliveSeconds, boolean cleanStart, long sessionExpirySeconds,
                                Optional<ProfileWill> will, List<Subscription> subscriptions, ProfileTls tls,
                                boolean embedded) {

    public static final String EMBEDDED_ID = "embedded";

    public ConnectionProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(will, "will");
        Objects.requireNonNull(tls, "tls");
        webSocketPath = webSocketPath == null || webSocketPath.isBlank() ? "/mqtt"
                : webSocketPath.startsWith("/") ? webSocketPath : "/" + webSocketPath;
        username = username == null ? "" : username;
        clientId = clientId == null ? "" : clientId;
        subscriptions = List.copyOf(subscriptions);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
        }
        if (keepAliveSeconds < 0 || keepAliveSeconds > 65_535) {
            throw new IllegalArgumentException("keep-alive must be 0 to 65535 s, was " + keepAliveSeconds);
        }
        if (sessionExpirySeconds < 0 || sessionExpirySeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("session expiry must be 0 to 4294967295 s, was " + sessionExpirySeconds);
        }
    }

    /** The embedded broker's profile; {@code port} is where it listens (it may move if 1883 is taken). */
    public static ConnectionProfile embedded(String name, int port, String clientId) {
        // HiveMQ has no $SYS topics, so only '#'.
        return new ConnectionProfile(EMBEDDED_ID, name, "127.0.0.1", port, Transport.TCP, "/mqtt", MqttVersion.V5,
                clientId, "", 30, true, 0, Optional.empty(), List.of(new Subscription("#", 0)), ProfileTls.defaults(),
                true);
    }

    /** A new profile for a broker on {@code host}, with the defaults a classroom broker needs. */
    public static ConnectionProfile create(String id, String name, String host, String clientId) {
        return create(id, name, host, Transport.TCP.defaultPort(), "", clientId);
    }

    /** The same on {@code port}, with a login when {@code username} is not empty. */
    public static ConnectionProfile create(String id, String name, String host, int port, String username, String clientId) {
        return new ConnectionProfile(id, name, host, port, Transport.TCP, "/mqtt", MqttVersion.AUTO, clientId, username,
                30, true, 0, Optional.empty(), Subscription.defaults(), ProfileTls.defaults(), false);
    }

    /** The client library's URI, e.g. {@code ssl://host:8883} or {@code ws://host:9001/mqtt}. */
    public String serverUri() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return transport.scheme() + "://" + h + ":" + port + (transport.webSocket() ? webSocketPath : "");
    }

    public boolean needsPassword() {
        return !username.isEmpty();
    }
}
