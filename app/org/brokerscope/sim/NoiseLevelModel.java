package org.brokerscope.sim;

import java.time.Instant;

/** Sound level in dB(A): a quiet room at night, talk when people are up, and the odd loud moment. */
public final class NoiseLevelModel extends SteppedModel {
    private final Occupancy occupancy;

    public NoiseLevelModel(Occupancy occupancy, long seed) {
        super(Measure.NOISE, seed);
        this.occupancy = occupancy;
    }

    @Override
    protected double step(Instant time, double dt) {
        double people = occupancy.people(time);
        double base = occupancy.active(time) ? 42 + 10 * Math.log10(1 + people) : 30;
        double burst = random.nextDouble() < 0.03 ? 15 : 0;
        return base + burst + 2.5 * random.nextGaussian();
    }
}
