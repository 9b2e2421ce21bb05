package org.brokerscope.ui.sensors;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.weather.WeatherBridge;
import org.brokerscope.sim.weather.WeatherReading;
import org.brokerscope.sim.weather.WeatherSettings;
import org.brokerscope.ui.I18n;

/** The Sensors view's weather bridge: started beside the fleet's sensors, stopped with them, described for the view. */
final class SensorWeather {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final I18n i18n;
    private WeatherBridge bridge;
    private SensorFleet fleet;

    SensorWeather(I18n i18n) {
        this.i18n = i18n;
    }

    boolean isRunning() {
        return bridge != null;
    }

    /** Starts polling {@code city}; a blank URL means OpenWeatherMap's. Returns a problem to show, if any. */
    Optional<String> start(SensorFleet on, String city, String key, String url) {
        stop();
        if (city == null || city.isBlank()) {
            return Optional.of(i18n.text("sensors.weather.noCity"));
        }
        WeatherSettings settings = WeatherSettings.openWeatherMap(key, city.strip())
                .withUrl(url == null || url.isBlank() ? WeatherSettings.OPENWEATHERMAP : url.strip());
        bridge = WeatherBridge.create(settings, on.serverUri());
        fleet = on;
        on.attach(bridge);
        bridge.start().exceptionally(error -> null); // a failed connect shows in the status line
        return Optional.empty();
    }

    void stop() {
        if (bridge != null) {
            fleet.detach(bridge);
            bridge = null;
        }
    }

    /** One line: the last reading, or the problem and that it retries. */
    String describe() {
        if (bridge == null) {
            return i18n.text("sensors.weather.off");
        }
        WeatherBridge.WeatherStatus s = bridge.status();
        String city = bridge.settings().city();
        if (s.error().isPresent()) {
            return i18n.text("sensors.weather.problem", city, s.error().get());
        }
        return s.last().map(r -> reading(city, r)).orElseGet(() -> i18n.text("sensors.weather.waiting", city));
    }

    private String reading(String city, WeatherReading r) {
        return i18n.text("sensors.weather.reading", city, String.format(Locale.ROOT, "%.1f", r.temperature()),
                String.valueOf(Math.round(r.humidity())), String.valueOf(Math.round(r.pressure())), TIME.format(r.measuredAt()),
                bridge.settings().site() + "/" + bridge.settings().room());
    }
}
