package org.brokerscope.sim.weather;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the weather bridge reads and where it publishes.
 *
 * @param url            the current-weather endpoint, by default OpenWeatherMap's
 * @param apiKey         the service's key; blank means none, which is reported, not sent
 * @param city           e.g. {@code Lyon,FR}
 * @param site           readings go to {@code site/room/temperature}, {@code …/humidity}, {@code …/pressure}
 * @param interval       between polls (the free plan allows one a minute at most)
 * @param firstRetry     the delay after the first failure; it doubles up to {@code maxRetry}
 */
public record WeatherSettings(String url, String apiKey, String city, String site, String room, Duration interval,
                              Duration firstRetry, Duration maxRetry) {
    public static final String OPENWEATHERMAP = "https://api.openweathermap.org/data/2.5/weather";

    public WeatherSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(room, "room");
        apiKey = apiKey == null ? "" : apiKey.strip();
        if (interval.compareTo(Duration.ofSeconds(1)) < 0 || firstRetry.isNegative() || firstRetry.isZero()
                || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("Weather polling needs an interval of at least 1 s and retry delays > 0");
        }
    }

    /** Every 10 minutes from OpenWeatherMap, retrying after 30 s, then up to every 30 minutes. */
    public static WeatherSettings openWeatherMap(String apiKey, String city) {
        return new WeatherSettings(OPENWEATHERMAP, apiKey, city, "meteo", "exterieur", Duration.ofMinutes(10),
                Duration.ofSeconds(30), Duration.ofMinutes(30));
    }

    /** The same settings against another endpoint, e.g. a proxy or a local stub. */
    public WeatherSettings withUrl(String newUrl) {
        return new WeatherSettings(newUrl, apiKey, city, site, room, interval, firstRetry, maxRetry);
    }
}
