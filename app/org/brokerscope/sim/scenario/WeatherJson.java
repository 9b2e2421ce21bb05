package org.brokerscope.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.brokerscope.sim.weather.WeatherSettings;

/**
 * The {@code "weather"} array of a scenario file. The API key is written only when the user asks; otherwise
 * the file names the environment variable to read it from ({@code "apiKeyEnv"}), so a file can be shared
 * without giving the key away.
 */
final class WeatherJson {
    private WeatherJson() {
    }

    static List<ScenarioWeather> read(JsonNode array, Function<String, String> environment)
            throws ScenarioFiles.ScenarioException {
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new ScenarioFiles.ScenarioException("\"weather\" must be an array of weather bridges", null);
        }
        List<ScenarioWeather> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                out.add(bridge(array.get(i), environment));
            } catch (IllegalArgumentException e) {
                throw new ScenarioFiles.ScenarioException("weather[" + i + "]: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static ScenarioWeather bridge(JsonNode n, Function<String, String> environment) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("each weather bridge is a JSON object");
        }
        WeatherSettings defaults = WeatherSettings.openWeatherMap("", "x");
        String variable = ScenarioFiles.text(n, "apiKeyEnv", ScenarioWeather.DEFAULT_KEY_VARIABLE);
        String key = n.has("apiKey") ? ScenarioFiles.text(n, "apiKey", "") : environment.apply(variable.strip());
        double seconds = ScenarioFiles.number(n, "intervalS", defaults.interval().toSeconds());
        if (!(seconds >= 1)) {
            throw new IllegalArgumentException("\"intervalS\" must be at least 1, was " + seconds);
        }
        WeatherSettings settings = new WeatherSettings(ScenarioFiles.text(n, "url", WeatherSettings.OPENWEATHERMAP),
                key, ScenarioFiles.text(n, "city", null), ScenarioFiles.text(n, "site", defaults.site()),
                ScenarioFiles.text(n, "room", defaults.room()), Duration.ofMillis(Math.round(seconds * 1000)),
                defaults.firstRetry(), defaults.maxRetry());
        if (settings.city().isBlank()) {
            throw new IllegalArgumentException("\"city\" must not be empty");
        }
        return new ScenarioWeather(settings, variable);
    }

    static void write(List<ScenarioWeather> bridges, ArrayNode array, boolean withKeys) {
        for (ScenarioWeather w : bridges) {
            WeatherSettings s = w.settings();
            ObjectNode n = array.addObject().put("city", s.city()).put("url", s.url()).put("site", s.site())
                    .put("room", s.room()).put("intervalS", s.interval().toMillis() / 1000.0)
                    .put("apiKeyEnv", w.keyVariable());
            if (withKeys && !s.apiKey().isBlank()) {
                n.put("apiKey", s.apiKey());
            }
        }
    }
}
