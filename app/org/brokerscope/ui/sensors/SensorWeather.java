package org.brokerscope.ui.sensors;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.scenario.ScenarioWeather;
import org.brokerscope.sim.weather.WeatherBridge;
import org.brokerscope.sim.weather.WeatherReading;
import org.brokerscope.sim.weather.WeatherSettings;
import org.brokerscope.ui.I18n;

/**
 * The Sensors view's weather bridges: started beside the fleet's sensors on the fleet's broker, stopped with
 * them, saved with the scenario, described for the view.
 */
final class SensorWeather {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final I18n i18n;
    private final List<Running> running = new ArrayList<>();
    private SensorFleet fleet;

    private record Running(WeatherBridge bridge, ScenarioWeather source) {
    }

    SensorWeather(I18n i18n) {
        this.i18n = i18n;
    }

    boolean isRunning() {
        return !running.isEmpty();
    }

    /** Starts polling {@code city}; a blank URL means OpenWeatherMap's. Returns a problem to show, if any. */
    Optional<String> start(SensorFleet on, String city, String key, String url) {
        stop();
        if (city == null || city.isBlank()) {
            return Optional.of(i18n.text("sensors.weather.noCity"));
        }
        WeatherSettings settings = WeatherSettings.openWeatherMap(key, city.strip())
                .withUrl(url == null || url.isBlank() ? WeatherSettings.OPENWEATHERMAP : url.strip());
        start(on, new ScenarioWeather(settings, ScenarioWeather.DEFAULT_KEY_VARIABLE));
        return Optional.empty();
    }

    /** Replaces the running bridges with a scenario's; {@code typedKey} serves those whose key was not found. */
    void startAll(SensorFleet on, List<ScenarioWeather> bridges, String typedKey) {
        stop();
        bridges.forEach(w -> start(on, w.withKeyIfMissing(typedKey)));
    }

    private void start(SensorFleet on, ScenarioWeather source) {
        WeatherBridge bridge = WeatherBridge.create(source.settings(), on.broker());
        fleet = on;
        on.attach(bridge);
        running.add(new Running(bridge, source));
        bridge.start().exceptionally(error -> null); // a failed connect shows in the status line
    }

    /** What runs now, for saving in a scenario. */
    List<ScenarioWeather> sources() {
        return running.stream().map(Running::source).toList();
    }

    /** Starts the bridges again on the fleet's broker, after it changed. */
    void followBroker() {
        if (fleet != null && isRunning()) {
            startAll(fleet, sources(), "");
        }
    }

    void stop() {
        running.forEach(r -> fleet.detach(r.bridge()));
        running.clear();
    }

    /** One line: the last reading, or the problem and that it retries. */
    String describe() {
        if (running.isEmpty()) {
            return i18n.text("sensors.weather.off");
        }
        WeatherBridge bridge = running.getFirst().bridge();
        WeatherBridge.WeatherStatus s = bridge.status();
        String city = bridge.settings().city();
        String more = running.size() > 1 ? " " + i18n.text("sensors.weather.more", running.size() - 1) : "";
        if (s.error().isPresent()) {
            return i18n.text("sensors.weather.problem", city, s.error().get()) + more;
        }
        return s.last().map(r -> reading(bridge, r)).orElseGet(() -> i18n.text("sensors.weather.waiting", city)) + more;
    }

    private String reading(WeatherBridge bridge, WeatherReading r) {
        return i18n.text("sensors.weather.reading", bridge.settings().city(), String.format(Locale.ROOT, "%.1f", r.temperature()),
                String.valueOf(Math.round(r.humidity())), String.valueOf(Math.round(r.pressure())), TIME.format(r.measuredAt()),
                bridge.settings().site() + "/" + bridge.settings().room());
    }
}
