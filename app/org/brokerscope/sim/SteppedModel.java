package org.brokerscope.sim;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The common frame of the signal models: the time step since the last reading, a seeded random source,
 * and the reading kept inside the measure's physical range and rounded as published.
 */
abstract class SteppedModel implements SignalModel {
    protected final Measure measure;
    protected final SplittableRandom random;
    private Instant last;

    SteppedModel(Measure measure, long seed) {
        this.measure = measure;
        this.random = new SplittableRandom(seed);
    }

    /** The raw reading after {@code dtSeconds} (0 for the first one). */
    protected abstract double step(Instant time, double dtSeconds);

    @Override
    public final double next(Instant time) {
        double dt = last == null ? 0 : Math.max(0, (time.toEpochMilli() - last.toEpochMilli()) / 1000.0);
        last = time;
        double scale = Math.pow(10, measure.decimals());
        return Math.round(Math.clamp(step(time, dt), measure.min(), measure.max()) * scale) / scale;
    }

    @Override
    public final String unit() {
        return measure.unit();
    }

    /** The fraction of a gap to a target that closes in {@code dtSeconds}, for a time constant {@code tauSeconds}. */
    static double approach(double dtSeconds, double tauSeconds) {
        return 1 - Math.exp(-dtSeconds / tauSeconds);
    }

    static double hourOfDay(Instant time) {
        return (time.getEpochSecond() % 86_400) / 3600.0;
    }
}
