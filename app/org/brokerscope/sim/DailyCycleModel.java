package org.brokerscope.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * A value that follows a daily cycle around a baseline, with noise that reverts to the cycle
 * (an Ornstein-Uhlenbeck process), so it wanders like a real room but never drifts away.
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
    private final double noise;
    private final double reversionPerSecond;
    private final double min;
    private final double max;
    private final SplittableRandom random;
    private double deviation;
    private Instant last;

    DailyCycleModel(String unit, double baseline, double amplitude, double peakHour, double noise,
                    double min, double max, long seed) {
        this.unit = unit;
        this.baseline = baseline;
        this.amplitude = amplitude;
        this.peakHour = peakHour;
        this.noise = noise;
        this.reversionPerSecond = 1.0 / 600; // deviations fade over about ten minutes
        this.min = min;
        this.max = max;
        this.random = new SplittableRandom(seed);
    }

    /** Indoor temperature in °C around {@code baseline}, warmest mid-afternoon. */
    public static DailyCycleModel temperature(double baseline, long seed) {
        return new DailyCycleModel("°C", baseline, 1.5, 16, 0.08, -10, 45, seed);
    }

    /** Relative humidity in % around {@code baseline}, highest before dawn. */
    public static DailyCycleModel humidity(double baseline, long seed) {
        return new DailyCycleModel("%", baseline, -6, 16, 0.4, 5, 100, seed);
    }

    @Override
    public double next(Instant time) {
        double dt = last == null ? 1 : Math.max(0, (time.toEpochMilli() - last.toEpochMilli()) / 1000.0);
        last = time;
        double keep = Math.exp(-reversionPerSecond * dt);
        deviation = deviation * keep + noise * Math.sqrt(Math.max(dt, 1e-3)) * random.nextGaussian();
        double value = cycle(time) + deviation;
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
