package org.brokerscope.sim.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.brokerscope.sim.FaultSettings;
import org.brokerscope.sim.Measure;
import org.brokerscope.sim.Occupancy;
import org.brokerscope.sim.PayloadFormat;
import org.brokerscope.sim.SensorSpec;

/** The built-in scenarios. Each is deterministic for its seed. */
public final class Scenarios {
    public static final List<String> NAMES = List.of("house", "classroom", "weather", "load");
    /** Room names for the house, in the French of the classes the demo was made for. */
    private static final List<String> HOUSE_ROOMS = List.of("salon", "cuisine", "chambre", "bureau", "salle-de-bain",
            "entree", "garage", "grenier");
    private static final double[] COMFORT = {21, 22.5, 19, 20.5, 23, 18, 15, 17};
    private static final double[] HUMIDITY = {45, 55, 50, 42, 65, 48, 60, 40};
    private static final List<Measure> HOUSE_MEASURES = List.of(Measure.TEMPERATURE, Measure.HUMIDITY, Measure.CO2,
            Measure.LIGHT);

    private Scenarios() {
    }

    /**
     * By name, with a count where it applies: rooms for the house, desks for the classroom, sensors for load.
     */
    public static Optional<Scenario> byName(String name, int count, long seed) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "house" -> Optional.of(house("maison", count, seed));
            case "classroom" -> Optional.of(classroom(count, seed));
            case "weather" -> Optional.of(weatherStation(seed));
            case "load" -> Optional.of(load(count, Duration.ofMillis(100), seed));
            default -> Optional.empty();
        };
    }

    /**
     * The first-start demo: {@code maison/{salon,cuisine,chambre}/{temperature,humidity}} at 1 Hz. Kept to
     * two measures so that its topics fit the Topics view without scrolling, which the window tests rely on.
     */
    public static Scenario demoHouse(long seed) {
        return house("maison", 3, List.of(Measure.TEMPERATURE, Measure.HUMIDITY), seed);
    }

    /** {@code rooms} rooms, each with temperature, humidity, CO2 and light, at 1 Hz. */
    public static Scenario house(String site, int rooms, long seed) {
        return house(site, rooms, HOUSE_MEASURES, seed);
    }

    private static Scenario house(String site, int rooms, List<Measure> measures, long seed) {
        checkCount("rooms", rooms, 1, 1_000);
        List<SensorSpec> sensors = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            String room = r < HOUSE_ROOMS.size() ? HOUSE_ROOMS.get(r) : "piece" + (r + 1);
            for (Measure m : measures) {
                SensorSpec.Builder b = SensorSpec.builder(site, room, m).seed(seed + 16L * r + m.ordinal());
                if (m == Measure.TEMPERATURE) {
                    b.baseline(COMFORT[r % COMFORT.length]);
                } else if (m == Measure.HUMIDITY) {
                    b.baseline(HUMIDITY[r % HUMIDITY.length]);
                }
                sensors.add(b.build());
            }
        }
        return new Scenario("house", 1, sensors);
    }

    /** One "room" per desk: temperature, CO2, noise and motion; plus the classroom door. Time runs 60× faster. */
    public static Scenario classroom(int desks, long seed) {
        checkCount("desks", desks, 1, 500);
        List<SensorSpec> sensors = new ArrayList<>();
        for (int d = 1; d <= desks; d++) {
            String room = String.format(Locale.ROOT, "desk%02d", d);
            for (Measure m : List.of(Measure.TEMPERATURE, Measure.CO2, Measure.NOISE, Measure.MOTION)) {
                sensors.add(SensorSpec.builder("classe", room, m).occupancy(Occupancy.CLASSROOM)
                        .interval(Duration.ofSeconds(2)).seed(seed + 16L * d + m.ordinal()).build());
            }
        }
        sensors.add(SensorSpec.builder("classe", "porte", Measure.DOOR).occupancy(Occupancy.CLASSROOM)
                .interval(Duration.ofMillis(500)).seed(seed).build());
        return new Scenario("classroom", 60, sensors);
    }

    /** An outdoor station on a battery, sending JSON every 5 s. */
    public static Scenario weatherStation(long seed) {
        List<SensorSpec> sensors = new ArrayList<>();
        for (Measure m : List.of(Measure.TEMPERATURE, Measure.HUMIDITY, Measure.PRESSURE, Measure.LIGHT, Measure.BATTERY)) {
            sensors.add(SensorSpec.builder("meteo", "station", m).occupancy(Occupancy.NONE)
                    .format(PayloadFormat.JSON).interval(Duration.ofSeconds(5))
                    .seed(seed + m.ordinal()).build());
        }
        return new Scenario("weather", 1, sensors);
    }

    /** {@code count} temperature sensors at {@code interval}, ten per room, for load tests. */
    public static Scenario load(int count, Duration interval, long seed) {
        checkCount("sensors", count, 1, 100_000);
        List<SensorSpec> sensors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Measure m = i % 2 == 0 ? Measure.TEMPERATURE : Measure.HUMIDITY;
            sensors.add(SensorSpec.builder("load", "room" + (i / 10 + 1), m).id("s" + i).topic("{site}/{room}/{id}").interval(interval)
                    .faults(FaultSettings.NONE).seed(seed + i).build());
        }
        return new Scenario("load", 1, sensors);
    }

    private static void checkCount(String what, int count, int min, int max) {
        if (count < min || count > max) {
            throw new IllegalArgumentException("Number of " + what + " must be between " + min + " and " + max
                    + ", was " + count);
        }
    }
}
