package org.brokerscope.domain.profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A broker URL pasted by the user, e.g. {@code mqtt://user:pass@host:1883}, {@code mqtts://host:8883} or
 * {@code ws://host:9001/mqtt}, split into the fields of a profile. A bare {@code host} or {@code host:port}
 * means plain MQTT. A missing port takes the transport's usual one.
 *
 * @param password empty when the URL has none; the caller must not store it (profiles hold no passwords)
 */
public record BrokerUrl(Transport transport, String host, int port, String webSocketPath, String username,
                        Optional<String> password) {

    /** Why a URL was refused, for the UI to put into words. */
    public enum Problem { EMPTY, UNKNOWN_SCHEME, NO_HOST, BAD_PORT, MALFORMED }

    /** The URL read, or why it could not be. */
    public record Parsed(Optional<BrokerUrl> url, Optional<Problem> problem) {
        static Parsed ok(BrokerUrl url) {
            return new Parsed(Optional.of(url), Optional.empty());
        }

        static Parsed refused(Problem problem) {
            return new Parsed(Optional.empty(), Optional.of(problem));
        }
    }

    public static Parsed parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return Parsed.refused(Problem.EMPTY);
        }
        String withScheme = trimmed.contains("://") ? trimmed : "mqtt://" + trimmed;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            return Parsed.refused(Problem.MALFORMED);
        }
        Optional<Transport> transport = transport(uri.getScheme());
        if (transport.isEmpty()) {
            return Parsed.refused(Problem.UNKNOWN_SCHEME);
        }
        // A port that is not a number leaves getHost() null and the authority unparsed.
        if (uri.getHost() == null) {
            return Parsed.refused(uri.getRawAuthority() != null && uri.getRawAuthority().matches(".*:[^\\]]*[^0-9\\]].*")
                    ? Problem.BAD_PORT : Problem.NO_HOST);
        }
        int port = uri.getPort() == -1 ? transport.get().defaultPort() : uri.getPort();
        if (port < 1 || port > 65_535) {
            return Parsed.refused(Problem.BAD_PORT);
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/mqtt" : uri.getRawPath();
        String user = "";
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length == 2 ? Optional.of(decode(parts[1])) : Optional.empty();
        }
        return Parsed.ok(new BrokerUrl(transport.get(), host, port, path, user, password));
    }

    private static Optional<Transport> transport(String scheme) {
        return switch (scheme == null ? "" : scheme.toLowerCase(Locale.ROOT)) {
            case "mqtt", "tcp" -> Optional.of(Transport.TCP);
            case "mqtts", "ssl", "tls", "mqtt+ssl" -> Optional.of(Transport.SSL);
            case "ws" -> Optional.of(Transport.WS);
            case "wss" -> Optional.of(Transport.WSS);
            default -> Optional.empty();
        };
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "BrokerUrl[" + transport + " " + host + ":" + port + webSocketPath + ", user=" + username
                + password.map(p -> ", password=***").orElse("") + "]";
    }
}
