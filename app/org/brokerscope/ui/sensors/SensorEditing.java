package org.brokerscope.ui.sensors;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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

    /** Which faults the teacher switched on; each comes at a fixed, clearly visible rate. */
    record FaultChoice(boolean dropout, boolean spike, boolean stuck, boolean drift, boolean garbled) {
        static FaultChoice of(FaultSettings f) {
            return new FaultChoice(f.dropout() > 0, f.spike() > 0, f.stuck() > 0, f.driftPerDay() != 0, f.garbled() > 0);
        }

        FaultSettings settings() {
            return new FaultSettings(dropout ? 0.1 : 0, spike ? 0.05 : 0, stuck ? 0.02 : 0, drift ? 2 : 0, garbled ? 0.05 : 0);
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

    Result<String> addSensor(SensorFleet fleet, String room, String measureKey) {
        String name = room == null ? "" : room.strip();
        if (name.isEmpty()) {
            return Result.failed(i18n.text("sensors.error.noRoom"));
        }
        Measure measure = Measure.byKey(measureKey == null ? "" : measureKey).orElse(null);
        if (measure == null) {
            return Result.failed(i18n.text("sensors.error.noMeasure"));
        }
        try {
            return Result.of(add(fleet, name, measure).spec().id());
        } catch (IllegalArgumentException e) {
            return Result.failed(i18n.text("sensors.error.invalid", e.getMessage()));
        }
    }

    Result<String> addRoom(SensorFleet fleet, String room) {
        String name = room == null ? "" : room.strip();
        if (name.isEmpty()) {
            return Result.failed(i18n.text("sensors.error.noRoom"));
        }
        if (fleet.rooms().contains(name)) {
            return Result.failed(i18n.text("sensors.error.roomExists", name));
        }
        try {
            ROOM_MEASURES.forEach(m -> add(fleet, name, m));
            return Result.of(name);
        } catch (IllegalArgumentException e) {
            return Result.failed(i18n.text("sensors.error.invalid", e.getMessage()));
        }
    }

    private VirtualSensor add(SensorFleet fleet, String room, Measure measure) {
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
                .seed(existing.size() * 31L + measure.ordinal()).build());
    }

    /** The sensor's settings with the edited ones, or why they cannot be used. */
    Result<SensorSpec> edit(SensorSpec current, String intervalMs, PayloadFormat format, int qos, boolean retain,
                            FaultChoice faults) {
        long millis;
        try {
            millis = Long.parseLong(intervalMs.strip());
        } catch (NumberFormatException e) {
            return Result.failed(i18n.text("sensors.error.interval", intervalMs));
        }
        try {
            FaultSettings kept = current.faults();
            // Faults set in a file at other rates stay as they were while their box stays ticked.
            FaultSettings chosen = FaultChoice.of(kept).equals(faults) ? kept : faults.settings();
            return Result.of(current.toBuilder().interval(Duration.ofMillis(millis)).format(format).qos(qos)
                    .retain(retain).faults(chosen).build());
        } catch (IllegalArgumentException e) {
            return Result.failed(i18n.text("sensors.error.notApplied", e.getMessage()));
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

    /** Writes and returns the message to show. */
    String write(Scenario scenario, Path file) {
        try {
            ScenarioFiles.write(scenario, file);
            return i18n.text("sensors.saved", scenario.sensors().size(), file.getFileName());
        } catch (IOException | RuntimeException e) {
            return i18n.text("sensors.error.save", file.getFileName(), e.getMessage());
        }
    }

    Scenario current(SensorFleet fleet) {
        String name = fleet.rooms().isEmpty() ? "empty" : fleet.sensors().getFirst().spec().site().toLowerCase(Locale.ROOT);
        return new Scenario(name, fleet.clock().acceleration(), fleet.sensors().stream().map(VirtualSensor::spec).toList());
    }
}
