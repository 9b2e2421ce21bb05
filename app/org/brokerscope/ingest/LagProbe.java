package org.brokerscope.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.Topics;

/**
 * Measures how far behind the broker the app's view is, by a round trip through it.
 *
 * <p>The ingest queue's length cannot tell: when a stream is faster than the client's single network
 * reader, the backlog builds up in TCP and in the broker's queue for this client, where the app cannot
 * count it. So the app publishes a small probe on its own connection and times how long it takes to come
 * back through the same subscription, behind everything the broker queued before it, to the ingest thread.
 *
 * <p>A probe still on its way counts as soon as it is older than the last round trip, so the figure grows
 * while the app falls behind instead of waiting for the next answer. A broker that never returns probes (an
 * ACL, a filter) gives no figure rather than an ever-growing one: nothing counts until one came back.
 * Probes travel at QoS 0 and may be lost; a later one coming back retires the earlier ones, as a broker
 * keeps one publisher's order on one topic.
 *
 * <p>Thread use: {@link #next} on the probing timer, {@link #arrived} on the ingest thread, the rest anywhere.
 */
public final class LagProbe {
    /** Probes kept waiting at most: enough for a minute of lag at one a second. */
    private static final int MAX_OUTSTANDING = 64;

    private final String topic;
    private final ConcurrentNavigableMap<Long, Long> outstanding = new ConcurrentSkipListMap<>();
    private final AtomicLong nextSequence = new AtomicLong();
    private volatile boolean answered;
    private volatile long lastRoundTripNanos;

    /** @param instance what tells this app's probes from another Brokerscope's on the same broker */
    public LagProbe(String instance) {
        this.topic = Topics.LAG_PROBE_PREFIX + instance;
    }

    public String topic() {
        return topic;
    }

    /** The payload of a new probe, recorded as sent at {@code nowNanos}. */
    public byte[] next(long nowNanos) {
        long sequence = nextSequence.incrementAndGet();
        outstanding.put(sequence, nowNanos);
        while (outstanding.size() > MAX_OUTSTANDING) {
            outstanding.pollFirstEntry();
        }
        return Long.toString(sequence).getBytes(StandardCharsets.US_ASCII);
    }

    /** A probe that never left: it must not count as one on its way. */
    public void notSent(byte[] payload) {
        sequence(payload).ifPresent(outstanding::remove);
    }

    /**
     * On the ingest thread: takes a probe, this app's (timed) or another Brokerscope's (passed over), so the
     * models never see it. Returns false for every other message.
     */
    public boolean arrived(Message message, long nowNanos) {
        if (!Topics.isLagProbe(message.topic())) {
            return false;
        }
        if (message.topic().equals(topic)) {
            sequence(message.payload()).ifPresent(sequence -> {
                Long sentAt = outstanding.remove(sequence);
                if (sentAt != null) {
                    lastRoundTripNanos = nowNanos - sentAt;
                    answered = true;
                    outstanding.headMap(sequence).clear();
                }
            });
        }
        return true;
    }

    /**
     * How far behind the broker the app is: the last round trip, or the age of the oldest probe still on
     * its way when that is longer; -1 while no probe has come back since {@link #reset()}.
     */
    public long lagNanos(long nowNanos) {
        if (!answered) {
            return -1;
        }
        Map.Entry<Long, Long> oldest = outstanding.firstEntry();
        long waiting = oldest == null ? 0 : nowNanos - oldest.getValue();
        return Math.max(lastRoundTripNanos, waiting);
    }

    /** Whether a probe has come back since {@link #reset()}: the broker routes them, so the figure means something. */
    public boolean answered() {
        return answered;
    }

    /** Another connection: what was sent on the old one will not come back. */
    public void reset() {
        outstanding.clear();
        answered = false;
        lastRoundTripNanos = 0;
    }

    private static java.util.OptionalLong sequence(byte[] payload) {
        if (payload.length == 0 || payload.length > 19) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(new String(payload, StandardCharsets.US_ASCII)));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }
}
