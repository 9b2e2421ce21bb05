package org.brokerscope.sim;

import java.time.Instant;

/** A battery that drains at a steady rate, read with a little jitter, and never charges by itself. */
public final class BatteryModel extends SteppedModel {
    private final double percentPerDay;
    private double level;

    public BatteryModel(double startPercent, double percentPerDay, long seed) {
        super(Measure.BATTERY, seed);
        this.level = startPercent;
        this.percentPerDay = percentPerDay;
    }

    @Override
    protected double step(Instant time, double dt) {
        level = Math.max(0, level - percentPerDay * dt / 86_400);
        // Jitter only downwards: a reading never shows more charge than the battery had.
        return level - Math.abs(0.1 * random.nextGaussian());
    }
}
