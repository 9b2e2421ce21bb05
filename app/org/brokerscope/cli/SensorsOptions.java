package org.brokerscope.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.brokerscope.sim.weather.WeatherSettings;

/**
 * The options of {@code brokerscope sensors}.
 *
 * @param serverUri Paho's form, {@code tcp://host:port}, from {@code mqtt://host[:port]} or {@code tcp://…}
 * @param scenario  a built-in name or a JSON file
 * @param count     rooms for the house, desks for the classroom, sensors for load
 * @param speed     time acceleration; empty for the scenario's own
 * @param duration  stop by itself after this long; empty to run until Ctrl-C
 * @param weather   a weather bridge to run beside the scenario, when a city is given
 */
record SensorsOptions(String serverUri, String scenario, int count, Optional<Double> speed, long seed,
                      Optional<Duration> duration, Optional<String> username, Optional<String> password,
                      Optional<WeatherSettings> weather) {
    static final String USAGE = """
            Usage: brokerscope sensors [--broker mqtt://HOST:PORT] [--scenario house|classroom|weather|load|FILE.json]
                                       [--rooms N | --desks N | --sensors N] [--speed X] [--seed N]
                                       [--user NAME --password SECRET] [--seconds N]
                                       [--weather-city CITY --weather-key KEY [--weather-url URL]]
              Runs virtual sensors without a window; Ctrl-C stops them, and each publishes "offline".
              Defaults: --broker mqtt://127.0.0.1:1883 --scenario house --rooms 3 (desks 12, sensors 100).""";

    static SensorsOptions parse(String[] args) {
        String broker = "mqtt://127.0.0.1:1883";
        String scenario = "house";
        Integer count = null;
        Double speed = null;
        long seed = 42;
        Duration duration = null;
        String user = null;
        String password = null;
        String weatherCity = null;
        String weatherKey = "";
        String weatherUrl = WeatherSettings.OPENWEATHERMAP;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            switch (option) {
                case "--broker" -> broker = value;
                case "--scenario" -> scenario = value;
                case "--rooms", "--desks", "--sensors" -> count = positive(option, value);
                case "--speed" -> speed = number(option, value);
                case "--seed" -> seed = (long) number(option, value);
                case "--seconds" -> duration = Duration.ofSeconds(positive(option, value));
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--weather-city" -> weatherCity = value;
                case "--weather-key" -> weatherKey = value;
                case "--weather-url" -> weatherUrl = value;
                default -> throw new IllegalArgumentException("Unknown option: " + option);
            }
        }
        Optional<WeatherSettings> weather = weatherCity == null ? Optional.empty()
                : Optional.of(WeatherSettings.openWeatherMap(weatherKey, weatherCity).withUrl(weatherUrl));
        return new SensorsOptions(serverUri(broker), scenario, count == null ? defaultCount(scenario) : count, Optional.ofNullable(speed),
                seed, Optional.ofNullable(duration), Optional.ofNullable(user), Optional.ofNullable(password), weather);
    }

    private static int defaultCount(String scenario) {
        return switch (scenario) {
            case "classroom" -> 12;
            case "load" -> 100;
            default -> 3;
        };
    }

    /** Whether {@code scenario} names a file rather than a built-in. */
    Optional<Path> scenarioFile() {
        return scenario.toLowerCase(Locale.ROOT).endsWith(".json") ? Optional.of(Path.of(scenario)) : Optional.empty();
    }

    static String serverUri(String broker) {
        URI uri;
        try {
            uri = URI.create(broker.contains("://") ? broker : "mqtt://" + broker);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--broker: not an address: " + broker, e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--broker: no host in " + broker + " (e.g. mqtt://192.168.1.10:1883)");
        }
        int port = uri.getPort() == -1 ? 1883 : uri.getPort();
        return switch (uri.getScheme()) {
            case "mqtt", "tcp" -> "tcp://" + uri.getHost() + ":" + port;
            default -> throw new IllegalArgumentException("--broker: use mqtt://HOST:PORT (was " + broker + ")");
        };
    }

    private static int positive(String option, String value) {
        double n = number(option, value);
        if (n < 1 || n != Math.rint(n)) {
            throw new IllegalArgumentException(option + " must be a whole number of at least 1, was " + value);
        }
        return (int) n;
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was " + value, e);
        }
    }
}
