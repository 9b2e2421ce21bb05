package org.brokerscope.domain;

/**
 * Messages per second from a running total, over a sliding window of about one second. Fed with
 * monotonic nanosecond times; keeps a fixed ring of samples, so it never allocates.
 */
public final class RateMeter {
    private static final int SAMPLES = 16;
    private final long windowNanos;
    private final long[] times = new long[SAMPLES];
    private final long[] totals = new long[SAMPLES];
    private int newest = -1;
    private int count;

    public RateMeter(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    public static RateMeter oneSecond() {
        return new RateMeter(1_000_000_000L);
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
