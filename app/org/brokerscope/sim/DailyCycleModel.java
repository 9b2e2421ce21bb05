package org.brokerscope.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * A value that follows a daily cycle around a baseline, plus a slow wander that reverts to the cycle
 * (an Ornstein-Uhlenbeck process) so it never drifts away, plus a little measurement noise so that
 * consecutive readings differ like a real probe's.
 *
 * <p>Temperature peaks in the afternoon; humidity uses a negative amplitude to peak at night, loosely
 * anti-correlated with temperature as in a real house.
 */
public final class DailyCycleModel implements SignalModel {
    private static final double SECONDS_PER_DAY = 86_400;

    private final String unit;
    private final double baseline;
    private final double amplitude;
    private final double peakHour;
    private final Wander wander;
    private final double measurementNoise;
    private final double min;
    private final double max;
    private final SplittableRandom random;
    private Instant last;

    /**
     * @param wanderStd        the wander's long-run standard deviation around the cycle
     * @param measurementNoise the standard deviation of each reading's independent noise
     */
    DailyCycleModel(String unit, double baseline, double amplitude, double peakHour, double wanderStd,
                    double measurementNoise, double min, double max, long seed) {
        this.unit = unit;
        this.baseline = baseline;
        this.amplitude = amplitude;
        this.peakHour = peakHour;
        this.wander = new Wander(wanderStd, 600); // deviations fade over about ten minutes
        this.measurementNoise = measurementNoise;
        this.min = min;
        this.max = max;
        this.random = new SplittableRandom(seed);
    }

    /** Indoor temperature in °C around {@code baseline}, warmest mid-afternoon. */
    public static DailyCycleModel temperature(double baseline, long seed) {
        return new DailyCycleModel("°C", baseline, 1.5, 16, 0.4, 0.05, -10, 45, seed);
    }

    /** Relative humidity in % around {@code baseline}, highest before dawn. */
    public static DailyCycleModel humidity(double baseline, long seed) {
        return new DailyCycleModel("%", baseline, -6, 16, 1.5, 0.3, 5, 100, seed);
    }

    @Override
    public double next(Instant time) {
        double dt = last == null ? 1 : Math.max(0, (time.toEpochMilli() - last.toEpochMilli()) / 1000.0);
        last = time;
        double deviation = wander.step(dt, random);
        double value = cycle(time) + deviation + measurementNoise * random.nextGaussian();
        return Math.round(Math.clamp(value, min, max) * 10) / 10.0;
    }

    @Override
    public String unit() {
        return unit;
    }

    private double cycle(Instant time) {
        double secondOfDay = time.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        double phase = 2 * Math.PI * (secondOfDay / SECONDS_PER_DAY - peakHour / 24);
        return baseline + amplitude * Math.cos(phase);
    }
}
