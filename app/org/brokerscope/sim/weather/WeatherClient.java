package org.brokerscope.sim.weather;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.brokerscope.sim.weather.WeatherException.Kind;

/** Fetches and reads OpenWeatherMap's current-weather JSON ({@code main.temp}, {@code main.humidity}, {@code main.pressure}). */
public final class WeatherClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final WeatherSettings settings;

    public WeatherClient(HttpClient http, WeatherSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    public WeatherReading fetch() throws WeatherException, InterruptedException {
        if (settings.apiKey().isEmpty()) {
            throw new WeatherException(Kind.NO_KEY, "No API key set: get a free one at openweathermap.org", null);
        }
        HttpResponse<String> response;
        URI uri = uri();
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WeatherException(Kind.UNREACHABLE, "Cannot reach " + uri.getHost() + ": " + describe(e), e);
        }
        return switch (response.statusCode()) {
            case 200 -> parse(response.body());
            case 401 -> throw new WeatherException(Kind.KEY_REFUSED,
                    "The weather service refused the API key (HTTP 401); check it, new keys take a few hours to work", null);
            default -> throw new WeatherException(Kind.HTTP_ERROR, "The weather service answered HTTP "
                    + response.statusCode() + ": " + abbreviate(response.body()), null);
        };
    }

    URI uri() {
        String separator = settings.url().contains("?") ? "&" : "?";
        return URI.create(settings.url() + separator + "q=" + URLEncoder.encode(settings.city(), StandardCharsets.UTF_8)
                + "&units=metric&appid=" + URLEncoder.encode(settings.apiKey(), StandardCharsets.UTF_8));
    }

    static WeatherReading parse(String body) throws WeatherException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new WeatherException(Kind.BAD_RESPONSE, "The weather service sent something that is not JSON: "
                    + abbreviate(body), e);
        }
        JsonNode main = root == null ? null : root.get("main");
        if (main == null || !main.path("temp").isNumber() || !main.path("humidity").isNumber()
                || !main.path("pressure").isNumber()) {
            throw new WeatherException(Kind.BAD_RESPONSE,
                    "The weather service's answer lacks main.temp, main.humidity or main.pressure: " + abbreviate(body), null);
        }
        Instant at = root.path("dt").isNumber() ? Instant.ofEpochSecond(root.path("dt").asLong()) : Instant.now();
        return new WeatherReading(main.get("temp").asDouble(), main.get("humidity").asDouble(),
                main.get("pressure").asDouble(), at);
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
    }
}
