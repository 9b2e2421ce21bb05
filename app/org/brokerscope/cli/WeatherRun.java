package org.brokerscope.cli;

import java.io.PrintStream;
import java.util.Optional;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.sim.weather.WeatherBridge;
import org.brokerscope.sim.weather.WeatherSettings;

/** The weather bridge beside the headless sensors: started with them, its problems printed when they change. */
final class WeatherRun implements AutoCloseable {
    private final WeatherBridge bridge;
    private final PrintStream out;
    private Optional<String> shownProblem = Optional.empty();
    private boolean closed;

    private WeatherRun(WeatherBridge bridge, PrintStream out) {
        this.bridge = bridge;
        this.out = out;
    }

    static WeatherRun start(WeatherSettings settings, ConnectionSettings broker, PrintStream out) {
        WeatherBridge bridge = WeatherBridge.create(settings, broker);
        out.printf("Weather bridge: %s every %d min to %s/%s/{temperature,humidity,pressure}%n", settings.city(),
                settings.interval().toMinutes(), settings.site(), settings.room());
        bridge.start().exceptionally(error -> {
            out.println("Weather bridge could not connect to the broker: " + error.getMessage());
            return null;
        });
        return new WeatherRun(bridge, out);
    }

    /** Prints the bridge's problem when it appears, changes or clears. */
    synchronized void printProblem() {
        Optional<String> now = bridge.status().error();
        if (!now.equals(shownProblem)) {
            out.println(now.map(e -> "Weather bridge: " + e + " (retrying)").orElse("Weather bridge: working again"));
            shownProblem = now;
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            bridge.close();
        }
    }
}
