package org.brokerscope.sim.scenario;

import java.util.Objects;
import org.brokerscope.sim.weather.WeatherSettings;

/**
 * A weather bridge in a scenario. Its API key is a secret, so a scenario file normally names where the key
 * comes from instead of holding it: see the README, "Weather bridges in scenario files".
 *
 * @param settings    what the bridge polls and where it publishes; the key is the one resolved when the file
 *                    was read (in the file, from the environment variable, or blank for none)
 * @param keyVariable the environment variable that holds the key, e.g. {@code OPENWEATHERMAP_API_KEY}
 */
public record ScenarioWeather(WeatherSettings settings, String keyVariable) {
    public static final String DEFAULT_KEY_VARIABLE = "OPENWEATHERMAP_API_KEY";

    public ScenarioWeather {
        Objects.requireNonNull(settings, "settings");
        keyVariable = keyVariable == null || keyVariable.isBlank() ? DEFAULT_KEY_VARIABLE : keyVariable.strip();
    }

    /** The same bridge with the key the user typed, when the file and the environment gave none. */
    public ScenarioWeather withKeyIfMissing(String typedKey) {
        if (!settings.apiKey().isBlank() || typedKey == null || typedKey.isBlank()) {
            return this;
        }
        WeatherSettings s = settings;
        return new ScenarioWeather(new WeatherSettings(s.url(), typedKey, s.city(), s.site(), s.room(), s.interval(),
                s.firstRetry(), s.maxRetry()), keyVariable);
    }
}
