package org.brokerscope.ui;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Scene;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.TopicSnapshot;

/**
 * For {@code bench latency --paint}: the time from publish to the end of the layout pass of the frame
 * that brought the message to the views, i.e. the moment the scene is handed to the renderer. Payloads
 * on the probed topics start with the publisher's {@code System.nanoTime()}; on Linux that clock is
 * CLOCK_MONOTONIC, shared by every process, so the publisher may run in another process.
 * Off unless {@code -Dbrokerscope.paintProbe=<topic prefix>}.
 */
public final class PaintProbe {
    public static final String PROPERTY = "brokerscope.paintProbe";
    /** The log line {@code bench latency --paint} reads. */
    public static final String REPORT = "Paint latency: ";
    private static final System.Logger LOG = System.getLogger(PaintProbe.class.getName());
    private static final long REPORT_EVERY_NANOS = 5_000_000_000L;

    private final String prefix;
    private final long[] pending = new long[4_096];
    private final long[] latencies = new long[200_000];
    private int pendingCount;
    private int count;
    private long lastReport;

    private PaintProbe(String prefix) {
        this.prefix = prefix;
    }

    public static Optional<PaintProbe> fromProperty() {
        String prefix = System.getProperty(PROPERTY, "");
        return prefix.isEmpty() ? Optional.empty() : Optional.of(new PaintProbe(prefix));
    }

    public void attach(Scene scene) {
        scene.addPostLayoutPulseListener(this::afterLayout);
    }

    /** A pump listener: notes when each probed message was published. */
    public void onFrame(Frame frame) {
        for (TopicSnapshot change : frame.changes().values()) {
            Message message = change.lastMessageOrNull();
            if (message != null && change.topic().startsWith(prefix) && message.payload().length >= Long.BYTES
                    && pendingCount < pending.length) {
                pending[pendingCount++] = ByteBuffer.wrap(message.payload()).getLong();
            }
        }
    }

    private void afterLayout() {
        long now = System.nanoTime();
        for (int i = 0; i < pendingCount && count < latencies.length; i++) {
            latencies[count++] = now - pending[i];
        }
        pendingCount = 0;
        if (count > 0 && now - lastReport >= REPORT_EVERY_NANOS) {
            lastReport = now;
            report();
        }
    }

    // Cumulative since start: the benchmark quotes the last line, which covers its whole run.
    private void report() {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "%sn=%d p50=%.2f p99=%.2f max=%.2f", REPORT,
                count, sorted[count / 2] / 1e6, sorted[Math.min(count - 1, (int) (count * 0.99))] / 1e6,
                sorted[count - 1] / 1e6));
    }
}
