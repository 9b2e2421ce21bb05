package org.brokerscope.ui.sensors;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.brokerscope.sim.FaultSettings;
import org.brokerscope.sim.Measure;
import org.brokerscope.sim.PayloadFormat;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.SensorSpec;
import org.brokerscope.sim.SensorStatus;
import org.brokerscope.sim.VirtualSensor;
import org.brokerscope.sim.scenario.Scenario;
import org.brokerscope.sim.scenario.ScenarioFiles;
import org.brokerscope.sim.scenario.ScenarioWeather;
import org.brokerscope.sim.scenario.Scenarios;
import org.brokerscope.ui.I18n;

/**
 * What the Sensors view's commands need beyond the fleet: texts in the user's language, new sensors and
 * rooms made from a name, and scenarios read and written with a message for every failure.
 */
final class SensorEditing {
    static final List<Measure> ROOM_MEASURES = List.of(Measure.TEMPERATURE, Measure.HUMIDITY, Measure.CO2, Measure.LIGHT);
    private static final String DEFAULT_SITE = "maison";

    private final I18n i18n;

    /** A value, or why there is none, in words for the user. */
    record Result<T>(T value, String problem) {
        static <T> Result<T> of(T value) {
            return new Result<>(value, null);
        }

        static <T> Result<T> failed(String problem) {
            return new Result<>(null, problem);
        }

        void handle(Consumer<T> onValue, Consumer<String> onProblem) {
            if (problem == null) {
                onValue.accept(value);
            } else {
                onProblem.accept(problem);
            }
        }
    }

    /** The fault editor's five fields as typed: chances in percent, drift in units per simulated day. */
    record FaultFields(String dropout, String spike, String stuck, String drift, String garbled) {
        static FaultFields of(FaultSettings f) {
            return new FaultFields(percent(f.dropout()), percent(f.spike()), percent(f.stuck()), number(f.driftPerDay()),
                    percent(f.garbled()));
        }

        private static String percent(double chance) {
            return number(chance * 100);
        }

        private static String number(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }

    SensorEditing(I18n i18n) {
        this.i18n = i18n;
    }

    String valueText(SensorStatus s) {
        if (s.lastValue().isEmpty()) {
            return "—";
        }
        String v = s.lastValue().get();
        if (s.measure().isEvent()) {
            return i18n.text(v.endsWith("1") ? "sensors.event.on." + s.measure().key() : "sensors.event.off." + s.measure().key());
        }
        return s.measure().unit().isEmpty() ? v : v + " " + s.measure().unit();
    }

    String measureText(Measure measure) {
        return i18n.text("sensors.measure." + measure.key());
    }

    /** How long a simulated day lasts at {@code speed}, e.g. "3 min". */
    String dayLasts(double speed) {
        long seconds = Math.round(86_400 / speed);
        return seconds >= 120 ? i18n.text("sensors.duration.minutes", Math.round(seconds / 60.0))
                : i18n.text("sensors.duration.seconds", seconds);
    }

    Result<String> addSensor(SensorFleet fleet, String room, String measureKey, Optional<String> broker) {
        String name = room == null ? "" : room.strip();
        if (name.isEmpty()) {
            return Result.failed(i18n.text("sensors.error.noRoom"));
        }
        Measure measure = Measure.byKey(measureKey == null ? "" : measureKey).orElse(null);
        if (measure == null) {
            return Result.failed(i18n.text("sensors.error.noMeasure"));
        }
        try {
            return Result.of(add(fleet, name, measure, broker).spec().id());
        } catch (IllegalArgumentException e) {
            return Result.failed(i18n.text("sensors.error.invalid", e.getMessage()));
        }
    }

    Result<String> addRoom(SensorFleet fleet, String room, Optional<String> broker) {
        String name = room == null ? "" : room.strip();
        if (name.isEmpty()) {
            return Result.failed(i18n.text("sensors.error.noRoom"));
        }
        if (fleet.rooms().contains(name)) {
            return Result.failed(i18n.text("sensors.error.roomExists", name));
        }
        try {
            ROOM_MEASURES.forEach(m -> add(fleet, name, m, broker));
            return Result.of(name);
        } catch (IllegalArgumentException e) {
            return Result.failed(i18n.text("sensors.error.invalid", e.getMessage()));
        }
    }

    private VirtualSensor add(SensorFleet fleet, String room, Measure measure, Optional<String> broker) {
        List<VirtualSensor> existing = fleet.sensors();
        String site = existing.isEmpty() ? DEFAULT_SITE : existing.getFirst().spec().site();
        String base = room + "-" + measure.key();
        String id = base;
        for (int n = 2; fleet.find(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        // A second sensor of the same measure in a room gets its own topic through its ID.
        String template = id.equals(base) ? SensorSpec.DEFAULT_TEMPLATE : "{site}/{room}/{id}";
        return fleet.add(SensorSpec.builder(site, room, measure).id(id).topic(template).interval(Duration.ofSeconds(1))
                .seed(existing.size() * 31L + measure.ordinal()).broker(broker).build());
    }

    /** The sensor's settings with the edited ones, or why they cannot be used. */
    Result<SensorSpec> edit(SensorSpec current, String intervalMs, PayloadFormat format, int qos, boolean retain,
                            FaultFields faults) {
        long millis;
        try {
            millis = Long.parseLong(intervalMs.strip());
        } catch (NumberFormatException e) {
            return Result.failed(i18n.text("sensors.error.interval", intervalMs));
        }
        Result<FaultSettings> chosen = faults(faults);
        if (chosen.problem() != null) {
            return Result.failed(chosen.problem());
        }
        try {
            return Result.of(current.toBuilder().interval(Duration.ofMillis(millis)).format(format).qos(qos)
                    .retain(retain).faults(chosen.value()).build());
        } catch (IllegalArgumentException e) {
            return Result.failed(i18n.text("sensors.error.notApplied", e.getMessage()));
        }
    }

    private Result<FaultSettings> faults(FaultFields f) {
        double[] chances = new double[4];
        String[] texts = {f.dropout(), f.spike(), f.stuck(), f.garbled()};
        String[] names = {"dropout", "spike", "stuck", "garbled"};
        for (int i = 0; i < texts.length; i++) {
            OptionalDouble v = parse(texts[i]);
            if (v.isEmpty() || v.getAsDouble() < 0 || v.getAsDouble() > 100) {
                return Result.failed(i18n.text("sensors.faults.badPercent", i18n.text("sensors.faults." + names[i]), texts[i]));
            }
            chances[i] = v.getAsDouble() / 100;
        }
        OptionalDouble drift = parse(f.drift());
        if (drift.isEmpty()) {
            return Result.failed(i18n.text("sensors.faults.badDrift", f.drift()));
        }
        return Result.of(new FaultSettings(chances[0], chances[1], chances[2], drift.getAsDouble(), chances[3]));
    }

    /** A number as typed, with a comma or a point; blank is 0. */
    private static OptionalDouble parse(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.').replace("%", "").strip();
        if (t.isEmpty()) {
            return OptionalDouble.of(0);
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    Result<Scenario> builtIn(String name, int count) {
        try {
            return Scenarios.byName(name, count, 42).map(Result::of)
                    .orElseGet(() -> Result.failed(i18n.text("sensors.error.unknownScenario", name)));
        } catch (IllegalArgumentException e) {
            return Result.failed(i18n.text("sensors.error.invalid", e.getMessage()));
        }
    }

    Result<Scenario> readFile(Path file) {
        try {
            return Result.of(ScenarioFiles.read(file));
        } catch (ScenarioFiles.ScenarioException e) {
            return Result.failed(i18n.text("sensors.error.load", file.getFileName(), e.getMessage()));
        }
    }

    /** Writes and returns the message to show; API keys only if {@code withKeys}. */
    String write(Scenario scenario, Path file, boolean withKeys) {
        try {
            ScenarioFiles.write(scenario, file, withKeys);
            return i18n.text("sensors.saved", scenario.sensors().size(), file.getFileName());
        } catch (IOException | RuntimeException e) {
            return i18n.text("sensors.error.save", file.getFileName(), e.getMessage());
        }
    }

    Scenario current(SensorFleet fleet, List<ScenarioWeather> weather) {
        String name = fleet.rooms().isEmpty() ? "empty" : fleet.sensors().getFirst().spec().site().toLowerCase(Locale.ROOT);
        return new Scenario(name, fleet.clock().acceleration(), fleet.sensors().stream().map(VirtualSensor::spec).toList(),
                weather);
    }
}
