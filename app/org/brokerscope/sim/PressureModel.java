package org.brokerscope.sim;

import java.time.Instant;

/** Barometric pressure: a slow random walk around 1013 hPa, over days, as weather systems pass. */
public final class PressureModel extends SteppedModel {
    private static final double MEAN_HPA = 1013.25;

    private final Wander weather = new Wander(8, 2 * 86_400);

    public PressureModel(long seed) {
        super(Measure.PRESSURE, seed);
    }

    @Override
    protected double step(Instant time, double dt) {
        return MEAN_HPA + weather.step(dt, random) + 0.1 * random.nextGaussian();
    }
}
