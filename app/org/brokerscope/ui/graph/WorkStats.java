package org.brokerscope.ui.graph;

import java.util.Arrays;
import java.util.Locale;

/**
 * How long the Graph view's own work takes per frame (model update and painting), logged every few
 * seconds when frame statistics are on. It separates the view's cost from a loaded machine's: frame
 * intervals alone cannot tell them apart.
 */
final class WorkStats {
    static final String PREFIX = "Graph work: ";
    private static final System.Logger LOG = System.getLogger(WorkStats.class.getName());
    private static final long REPORT_EVERY_NANOS = 5_000_000_000L;

    private final long[] samples = new long[2_048];
    private int count;
    private long windowStart;

    void record(long startNanos, long endNanos) {
        if (count < samples.length) {
            samples[count++] = endNanos - startNanos;
        }
        if (windowStart == 0) {
            windowStart = endNanos;
        } else if (endNanos - windowStart >= REPORT_EVERY_NANOS && count > 0) {
            long[] sorted = Arrays.copyOf(samples, count);
            Arrays.sort(sorted);
            LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, PREFIX + "n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms",
                    count, sorted[count / 2] / 1e6, sorted[Math.min(count - 1, (int) (count * 0.99))] / 1e6,
                    sorted[count - 1] / 1e6));
            count = 0;
            windowStart = endNanos;
        }
    }
}
