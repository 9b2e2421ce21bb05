package org.brokerscope.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class DailyCycleModelTest {
    private static final Instant MONDAY = Instant.parse("2025-03-10T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final int WEEK_OF_MINUTES = 7 * 24 * 60;
    private static final long[] SEEDS = {1, 42, 2025, 987_654_321};

    @Test
    void theSameSeedGivesTheSameSeries() {
        double[] first = series(DailyCycleModel.temperature(21, 42), WEEK_OF_MINUTES);
        double[] second = series(DailyCycleModel.temperature(21, 42), WEEK_OF_MINUTES);

        assertArrayEquals(first, second);
    }

    @Test
    void anotherSeedGivesAnotherSeries() {
        double[] first = series(DailyCycleModel.temperature(21, 42), 1_000);
        double[] other = series(DailyCycleModel.temperature(21, 43), 1_000);

        assertFalse(Arrays.equals(first, other), "the seed must drive the noise");
    }

    @Test
    void temperatureStaysWithinPlausibleIndoorBoundsForAWeek() {
        for (long seed : SEEDS) {
            double[] week = series(DailyCycleModel.temperature(21, seed), WEEK_OF_MINUTES);
            // A heated room around 21 °C: a cold night or a sunny afternoon, never frost or a sauna.
            assertEvery(week, v -> v >= 16 && v <= 26, "temperature in [16, 26] °C, seed " + seed);
        }
    }

    @Test
    void humidityStaysWithinItsPhysicalRangeForAWeek() {
        for (long seed : SEEDS) {
            double[] week = series(DailyCycleModel.humidity(45, seed), WEEK_OF_MINUTES);
            assertEvery(week, v -> v >= 5 && v <= 100, "humidity in [5, 100] %, seed " + seed);
        }
    }

    @Test
    void humidityIsClampedEvenWhenItsBaselineSitsAtTheEdge() {
        double[] humid = series(DailyCycleModel.humidity(99, 7), WEEK_OF_MINUTES);
        double[] dry = series(DailyCycleModel.humidity(6, 7), WEEK_OF_MINUTES);

        assertEvery(humid, v -> v >= 5 && v <= 100, "humidity near 100 % stays at most 100");
        assertEvery(dry, v -> v >= 5 && v <= 100, "humidity near 5 % stays at least 5");
        assertEquals(100.0, Arrays.stream(humid).max().orElseThrow(), "the upper clamp is reached");
        assertEquals(5.0, Arrays.stream(dry).min().orElseThrow(), "the lower clamp is reached");
    }

    @Test
    void valuesAreRoundedToOneDecimal() {
        double[] values = series(DailyCycleModel.temperature(21, 42), WEEK_OF_MINUTES);
        double[] humidity = series(DailyCycleModel.humidity(45, 42), WEEK_OF_MINUTES);

        assertEvery(values, DailyCycleModelTest::isRoundedToTenths, "temperature rounded to 0.1");
        assertEvery(humidity, DailyCycleModelTest::isRoundedToTenths, "humidity rounded to 0.1");
    }

    @Test
    void temperatureIsWarmerInTheAfternoonThanBeforeDawn() {
        double[] week = series(DailyCycleModel.temperature(21, 42), WEEK_OF_MINUTES);

        double afternoon = meanBetweenHours(week, 15, 17);
        double night = meanBetweenHours(week, 3, 5);

        // The cycle's amplitude is 1.5 °C, so the peak and the trough are 3 °C apart before noise.
        assertTrue(afternoon - night > 1.5, () -> "afternoon " + afternoon + " vs night " + night);
    }

    @Test
    void theUnitsAreThoseShownToUsers() {
        assertEquals("°C", DailyCycleModel.temperature(21, 1).unit());
        assertEquals("%", DailyCycleModel.humidity(45, 1).unit());
    }

    private static double[] series(DailyCycleModel model, int steps) {
        double[] values = new double[steps];
        for (int i = 0; i < steps; i++) {
            values[i] = model.next(MONDAY.plus(STEP.multipliedBy(i)));
        }
        return values;
    }

    private static boolean isRoundedToTenths(double value) {
        double tenths = value * 10;
        return Math.abs(tenths - Math.rint(tenths)) < 1e-9;
    }

    private static double meanBetweenHours(double[] minutes, int fromHour, int toHour) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < minutes.length; i++) {
            int hour = MONDAY.plus(STEP.multipliedBy(i)).atOffset(ZoneOffset.UTC).getHour();
            if (hour >= fromHour && hour < toHour) {
                sum += minutes[i];
                count++;
            }
        }
        return sum / count;
    }

    /** Fails with the first offending sample's index and value, which says when in the week it went wrong. */
    private static void assertEvery(double[] values, DoublePredicate ok, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!ok.test(values[i])) {
                throw new AssertionError(what + ": minute " + i + " gave " + values[i]);
            }
        }
    }
}
