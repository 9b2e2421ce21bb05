package org.brokerscope.domain;

/**
 * Messages per second from a running total, over a sliding window. Fed with monotonic nanosecond
 * times; keeps a fixed ring of samples, so it never allocates.
 *
 * <p>The window is a few seconds, not one: sensors publish in bursts (six sensors at 1 Hz send six
 * messages at once), and a one-second window sampled on frame boundaries catches one burst or two,
 * showing 6 or 12 msg/s for a steady 6.
 */
public final class RateMeter {
    private static final int SAMPLES = 64;
    private final long windowNanos;
    private final long[] times = new long[SAMPLES];
    private final long[] totals = new long[SAMPLES];
    private int newest = -1;
    private int count;

    public RateMeter(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** The status bar's meter: five seconds, sampled a few times a second. */
    public static RateMeter fiveSeconds() {
        return new RateMeter(5_000_000_000L);
    }

    /** Records the running total at {@code nowNanos} and returns the rate over the window. */
    public double sample(long nowNanos, long total) {
        newest = (newest + 1) % SAMPLES;
        times[newest] = nowNanos;
        totals[newest] = total;
        count = Math.min(count + 1, SAMPLES);
        int oldest = newest;
        for (int i = 1; i < count; i++) {
            int candidate = Math.floorMod(newest - i, SAMPLES);
            oldest = candidate;
            if (nowNanos - times[candidate] >= windowNanos) {
                break;
            }
        }
        long dt = nowNanos - times[oldest];
        return dt <= 0 ? 0 : (total - totals[oldest]) * 1e9 / dt;
    }
}
