package org.brokerscope.sim;

import java.util.SplittableRandom;

/**
 * A slow random wander that always drifts back to zero (an Ornstein-Uhlenbeck process), updated exactly
 * for any step length so its spread does not depend on how often it is sampled.
 */
final class Wander {
    private final double reversionPerSecond;
    private final double spread;
    private double value;

    /**
     * @param spread      the long-run standard deviation
     * @param tauSeconds  how long a deviation takes to fade (1/e)
     */
    Wander(double spread, double tauSeconds) {
        this.spread = spread;
        this.reversionPerSecond = 1 / tauSeconds;
    }

    double step(double dtSeconds, SplittableRandom random) {
        double keep = Math.exp(-reversionPerSecond * dtSeconds);
        value = value * keep + spread * Math.sqrt(1 - keep * keep) * random.nextGaussian();
        return value;
    }
}
