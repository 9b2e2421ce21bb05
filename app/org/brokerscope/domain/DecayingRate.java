package org.brokerscope.domain;

/**
 * Messages per second as an exponentially decaying average: one multiply and one {@code exp} per
 * message, no samples kept, so every topic and every level of the tree can afford one. The value read
 * later decays on its own, so a topic that went quiet drifts to zero without any further message.
 */
public final class DecayingRate {
    /** Five seconds: a 1 Hz sensor reads between 0.9 and 1.1 msg/s instead of jumping between 0 and 2. */
    public static final double TAU_SECONDS = 5.0;
    private static final double TAU_NANOS = TAU_SECONDS * 1e9;

    private DecayingRate() {
    }

    /** The rate after one more message at {@code nowNanos}, given the rate {@code rate} at {@code sinceNanos}. */
    public static double add(double rate, long sinceNanos, long nowNanos) {
        return decay(rate, sinceNanos, nowNanos) + 1.0 / TAU_SECONDS;
    }

    /** What {@code rate}, measured at {@code sinceNanos}, reads at {@code nowNanos}. */
    public static double decay(double rate, long sinceNanos, long nowNanos) {
        if (rate == 0) {
            return 0;
        }
        long dt = Math.max(0, nowNanos - sinceNanos);
        return rate * Math.exp(-dt / TAU_NANOS);
    }
}
