package org.brokerscope.ui.graph;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long the Graph view's own work takes per frame (model update and painting), logged every few
 * seconds when frame statistics are on. It separates the view's cost from a loaded machine's: frame
 * intervals alone cannot tell them apart. Beside it, the CPU time per frame of the FX thread and of the
 * render thread (which rasterizes the canvases): CPU time, unlike wall time, hardly grows when other
 * processes take the cores, so before/after comparisons hold on a busy machine.
 */
final class WorkStats {
    static final String PREFIX = "Graph work: ";
    private static final System.Logger LOG = System.getLogger(WorkStats.class.getName());
    private static final long REPORT_EVERY_NANOS = 5_000_000_000L;

    private final long[] samples = new long[2_048];
    private int count;
    private long windowStart;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long renderThread = -1;
    private long renderCpu;
    private long fxCpu;

    // JavaFX's render thread is named so; -1 (no figure) where a toolkit names it otherwise.
    private long renderCpuTime() {
        if (renderThread < 0) {
            renderThread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                    .mapToLong(Thread::threadId).findFirst().orElse(-1);
        }
        return renderThread < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(renderThread));
    }

    void record(long startNanos, long endNanos) {
        if (count < samples.length) {
            samples[count++] = endNanos - startNanos;
        }
        if (windowStart == 0) {
            windowStart = endNanos;
        } else if (endNanos - windowStart >= REPORT_EVERY_NANOS && count > 0) {
            long[] sorted = Arrays.copyOf(samples, count);
            Arrays.sort(sorted);
            long fx = threads.getCurrentThreadCpuTime();
            long render = renderCpuTime();
            LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, PREFIX
                            + "n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms; CPU per frame: FX thread %.1f ms, render thread %.1f ms",
                    count, sorted[count / 2] / 1e6, sorted[Math.min(count - 1, (int) (count * 0.99))] / 1e6,
                    sorted[count - 1] / 1e6, (fx - fxCpu) / 1e6 / count, (render - renderCpu) / 1e6 / count));
            fxCpu = fx;
            renderCpu = render;
            count = 0;
            windowStart = endNanos;
        }
    }
}
