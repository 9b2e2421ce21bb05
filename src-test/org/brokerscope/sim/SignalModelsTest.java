package org.brokerscope.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every model over a simulated week: inside physical bounds, repeatable by seed, and shaped like the real thing. */
class SignalModelsTest {
    private static final Instant MONDAY = Instant.parse("2025-03-10T00:00:00Z");
    private static final int WEEK_OF_MINUTES = 7 * 24 * 60;
    private static final long[] SEEDS = {1, 42, 2025, 987_654_321};

    @ParameterizedTest
    @EnumSource(Measure.class)
    void everyMeasureStaysInItsPlausibleRangeForAWeekInEveryKindOfRoom(Measure measure) {
        for (Occupancy occupancy : Occupancy.values()) {
            for (long seed : SEEDS) {
                double[] week = week(spec(measure, occupancy, seed));
                double[] range = plausible(measure, occupancy);
                for (int i = 0; i < week.length; i++) {
                    double v = week[i];
                    assertTrue(v >= range[0] && v <= range[1], measure + " in " + occupancy + ", seed " + seed
                            + ": minute " + i + " gave " + v + ", outside " + Arrays.toString(range));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Measure.class)
    void theSameSeedGivesTheSameSeriesAndAnotherSeedAnother(Measure measure) {
        double[] first = week(spec(measure, Occupancy.HOME, 42));
        double[] again = week(spec(measure, Occupancy.HOME, 42));
        double[] other = week(spec(measure, Occupancy.HOME, 43));

        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other), measure + ": the seed must drive the series");
    }

    @Test
    void heatingKeepsTheDayWarmerThanTheNight() {
        double[] week = week(spec(Measure.TEMPERATURE, Occupancy.HOME, 7));
        assertTrue(mean(week, 14, 17) - mean(week, 3, 5) > 2, "afternoon vs night");
    }

    @Test
    void co2RisesDuringLessonsAndFallsAtNight() {
        double[] week = week(spec(Measure.CO2, Occupancy.CLASSROOM, 7));
        // Monday 11:30 is after three hours of lessons; Tuesday 4:00 after a night of ventilation.
        assertTrue(week[11 * 60 + 30] > 1_000, "CO2 at 11:30 was " + week[11 * 60 + 30]);
        assertTrue(week[(24 + 4) * 60] < 600, "CO2 at 4:00 was " + week[(24 + 4) * 60]);
    }

    @Test
    void lightFollowsTheSunAndTheLamps() {
        double[] week = week(spec(Measure.LIGHT, Occupancy.HOME, 7));
        assertTrue(mean(week, 11, 13) > 200, "daylight at noon");
        assertEquals(0, mean(week, 2, 4), 0.5, "dark at 3:00 with everyone asleep");
        assertTrue(mean(week, 20, 22) > 250, "the lamps are on in the evening");
    }

    @Test
    void pressureWandersAroundStandardAtmosphere() {
        double[] week = week(spec(Measure.PRESSURE, Occupancy.NONE, 7));
        double mean = Arrays.stream(week).average().orElseThrow();
        double spread = Arrays.stream(week).max().orElseThrow() - Arrays.stream(week).min().orElseThrow();
        assertEquals(1013, mean, 25);
        assertTrue(spread > 2, "it moves: spread " + spread);
    }

    @Test
    void motionAndDoorSwitchBothWays() {
        for (Measure m : new Measure[] {Measure.MOTION, Measure.DOOR}) {
            double[] week = week(spec(m, Occupancy.HOME, 7));
            assertTrue(Arrays.stream(week).anyMatch(v -> v == 1) && Arrays.stream(week).anyMatch(v -> v == 0), m + " switches");
        }
    }

    @Test
    void theBatteryDrainsAndNeverRecharges() {
        double[] week = week(spec(Measure.BATTERY, Occupancy.NONE, 7));
        assertTrue(week[0] > 99 && week[week.length - 1] < 87 && week[week.length - 1] > 85,
                "2 %/day over a week: " + week[0] + " -> " + week[week.length - 1]);
        double lowest = week[0];
        for (double v : week) {
            assertTrue(v <= lowest + 0.5, "a reading " + v + " above the charge already seen " + lowest);
            lowest = Math.min(lowest, v);
        }
    }

    @Test
    void theSeriesDoesNotDependOnHowOftenItIsSampledBeyondNoise() {
        // Mean reversion is solved exactly per step: sampled every minute or every ten, the level agrees.
        double[] minutes = week(spec(Measure.TEMPERATURE, Occupancy.HOME, 3));
        SignalModel coarse = SignalModels.forSpec(spec(Measure.TEMPERATURE, Occupancy.HOME, 3));
        double[] tens = series(coarse, WEEK_OF_MINUTES / 10, Duration.ofMinutes(10));
        double fine = Arrays.stream(minutes).average().orElseThrow();
        double sparse = Arrays.stream(tens).average().orElseThrow();
        assertEquals(fine, sparse, 0.5);
    }

    static SensorSpec spec(Measure measure, Occupancy occupancy, long seed) {
        return SensorSpec.builder("s", "r", measure).occupancy(occupancy).seed(seed).build();
    }

    private static double[] plausible(Measure measure, Occupancy occupancy) {
        boolean outdoors = occupancy == Occupancy.NONE;
        return switch (measure) {
            case TEMPERATURE -> outdoors ? new double[] {-15, 40} : new double[] {14, 27};
            case HUMIDITY -> new double[] {5, 100};
            case CO2 -> new double[] {380, 3_000};
            case LIGHT -> outdoors ? new double[] {0, 80_000} : new double[] {0, 1_000};
            case PRESSURE -> new double[] {960, 1_060};
            case NOISE -> new double[] {20, 100};
            case MOTION, DOOR -> new double[] {0, 1};
            case BATTERY -> new double[] {80, 100};
        };
    }

    private static double[] week(SensorSpec spec) {
        return series(SignalModels.forSpec(spec), WEEK_OF_MINUTES, Duration.ofMinutes(1));
    }

    private static double[] series(SignalModel model, int steps, Duration step) {
        double[] values = new double[steps];
        for (int i = 0; i < steps; i++) {
            values[i] = model.next(MONDAY.plus(step.multipliedBy(i)));
        }
        return values;
    }

    private static double mean(double[] minutes, int fromHour, int toHour) {
        Function<Integer, Integer> hour = i -> (i / 60) % 24;
        return java.util.stream.IntStream.range(0, minutes.length).filter(i -> hour.apply(i) >= fromHour && hour.apply(i) < toHour)
                .mapToDouble(i -> minutes[i]).average().orElseThrow();
    }
}
