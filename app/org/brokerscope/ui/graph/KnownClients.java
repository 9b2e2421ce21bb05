package org.brokerscope.ui.graph;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.graph.GraphModel;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.VirtualSensor;

/**
 * Which broker the graph shows, and on a broker other than the embedded one, the clients the app knows
 * there because it runs them: its virtual sensors, when the fleet publishes to that same broker. Their
 * topics come from their settings, not from guessing, so no client is made up.
 */
final class KnownClients {
    private final Supplier<Optional<SensorFleet>> fleet;

    KnownClients(Supplier<Optional<SensorFleet>> fleet) {
        this.fleet = fleet;
    }

    /** Whether the watched broker ({@code brokerUrl}; empty while starting) is the app's embedded one. */
    static boolean watchesEmbedded(String brokerUrl, EmbeddedBroker embedded) {
        return brokerUrl.isEmpty() || sameBroker(brokerUrl, embedded.endpoint().tcpUri());
    }

    /** Tells the graph about every sensor that publishes to {@code brokerUrl}, running or not. */
    void feed(GraphModel graph, String brokerUrl, long now) {
        Optional<SensorFleet> sensors = fleet.get();
        if (sensors.isEmpty()) {
            return;
        }
        for (VirtualSensor sensor : sensors.get().sensors()) {
            // Each sensor may have a broker of its own (a saved profile), else the fleet's.
            boolean here = sensors.get().brokerFor(sensor.spec()).filter(b -> sameBroker(b.serverUri(), brokerUrl)).isPresent();
            if (here) {
                graph.knownPublisher(sensor.clientId(), List.of(sensor.spec().topic(), sensor.spec().statusTopic()),
                        sensor.isStarted(), now);
            }
        }
    }

    /**
     * Whether two broker addresses reach the same broker: same port (the scheme's default if none) and
     * same host, all loopback names counting as one. {@code mqtt://127.0.0.1:1883} and
     * {@code tcp://localhost:1883} are the same broker.
     */
    static boolean sameBroker(String a, String b) {
        Optional<String> left = key(a);
        return left.isPresent() && left.equals(key(b));
    }

    private static Optional<String> key(String address) {
        try {
            URI uri = URI.create(address.strip());
            String host = uri.getHost();
            if (host == null) {
                return Optional.empty();
            }
            host = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
            if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1")) {
                host = "loopback";
            }
            String scheme = uri.getScheme() == null ? "tcp" : uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() > 0 ? uri.getPort() : switch (scheme) {
                case "ssl", "mqtts" -> 8883;
                case "ws" -> 80;
                case "wss" -> 443;
                default -> 1883;
            };
            return Optional.of(host + ":" + port);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not an address: it matches nothing, and the graph shows no sensor
        }
    }
}
