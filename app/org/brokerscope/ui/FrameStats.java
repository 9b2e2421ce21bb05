package org.brokerscope.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.brokerscope.ingest.IngestStats;

/**
 * Frame-to-frame intervals of the FX pulse, logged every few seconds as p50/p99/max and the share over
 * one 60 Hz frame, followed by the ingest counters of that moment, so a benchmark can compare them with
 * what it sent. Each report also gives the share of one core the FX and render threads used in the window:
 * CPU time is far less sensitive than frame times to what else runs on a shared machine, so an A/B of the
 * app's own work can be read from it. Off unless {@code -Dbrokerscope.frameStats=true}; {@code bench frames} reads the log.
 */
public final class FrameStats {
    public static final String PROPERTY = "brokerscope.frameStats";
    private static final System.Logger LOG = System.getLogger(FrameStats.class.getName());
    private static final long REPORT_EVERY_NANOS = 5_000_000_000L;
    private static final double FRAME_MS = 1000.0 / 60;

    private final long[] intervals = new long[2_048];
    private int count;
    private long last;
    private long windowStart;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long fxCpuStart;
    private long renderCpuStart;
    private long renderThreadId = -1;

    /** Records one pulse at {@code nowNanos}; logs and resets every five seconds. */
    public void pulse(long nowNanos, IngestStats ingest) {
        if (last != 0 && count < intervals.length) {
            intervals[count++] = nowNanos - last;
        }
        last = nowNanos;
        if (windowStart == 0) {
            startWindow(nowNanos);
        } else if (nowNanos - windowStart >= REPORT_EVERY_NANOS && count > 0) {
            report(nowNanos - windowStart);
            LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                    "Ingest: received=%d applied=%d dropped=%d failed=%d queued=%d", ingest.received(),
                    ingest.applied(), ingest.dropped(), ingest.failed(), ingest.queued()));
            count = 0;
            startWindow(nowNanos);
        }
    }

    // Called on the FX thread, so the current thread's CPU time is the FX thread's.
    private void startWindow(long nowNanos) {
        windowStart = nowNanos;
        fxCpuStart = threads.getCurrentThreadCpuTime();
        renderCpuStart = renderCpu();
    }

    private long renderCpu() {
        if (renderThreadId < 0) {
            renderThreadId = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::threadId).findFirst().orElse(0);
        }
        return renderThreadId == 0 ? 0 : Math.max(0, threads.getThreadCpuTime(renderThreadId));
    }

    private void report(long windowNanos) {
        long[] sorted = Arrays.copyOf(intervals, count);
        Arrays.sort(sorted);
        long over = Arrays.stream(sorted).filter(i -> i / 1e6 > FRAME_MS * 1.05).count();
        LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                "Frames: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms over16.7=%.1f%% fxCpu=%.1f%% renderCpu=%.1f%%", count,
                sorted[count / 2] / 1e6, sorted[Math.min(count - 1, (int) (count * 0.99))] / 1e6,
                sorted[count - 1] / 1e6, 100.0 * over / count,
                100.0 * (threads.getCurrentThreadCpuTime() - fxCpuStart) / windowNanos,
                100.0 * (renderCpu() - renderCpuStart) / windowNanos));
    }
}
