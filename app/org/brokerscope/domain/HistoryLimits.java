package org.brokerscope.domain;

/**
 * How much history each topic keeps: at most {@code entries} messages and at most {@code bytesPerTopic}
 * bytes of payload. The byte cap evicts the oldest entries, never cuts a payload: a 16 MB message is
 * kept whole as the latest one and the history says how many entries the cap left. Memory is bounded
 * overall too: once all histories together hold {@code totalBytes} (payloads plus a per-entry estimate),
 * topics keep only their last {@link #SQUEEZED_ENTRIES} messages until the total is back under.
 */
public record HistoryLimits(int entries, long bytesPerTopic, long totalBytes) {
    public static final int DEFAULT_ENTRIES = 100;
    public static final long DEFAULT_BYTES_PER_TOPIC = 1L << 20;
    /** All histories together; past it, each topic keeps at most {@link #SQUEEZED_ENTRIES} (see {@link TopicTree}). */
    public static final long DEFAULT_TOTAL_BYTES = 192L << 20;
    public static final int SQUEEZED_ENTRIES = 8;
    public static final HistoryLimits DEFAULTS = new HistoryLimits(DEFAULT_ENTRIES, DEFAULT_BYTES_PER_TOPIC, DEFAULT_TOTAL_BYTES);

    public HistoryLimits {
        if (entries < 1 || bytesPerTopic < 1 || totalBytes < 1) {
            throw new IllegalArgumentException("History limits must be positive: " + entries + ", " + bytesPerTopic
                    + ", " + totalBytes);
        }
    }

    public HistoryLimits(int entries, long bytesPerTopic) {
        this(entries, bytesPerTopic, DEFAULT_TOTAL_BYTES);
    }

    public HistoryLimits withEntries(int newEntries) {
        return new HistoryLimits(newEntries, bytesPerTopic, totalBytes);
    }

    /** The limits for one topic while all histories together are over {@link #totalBytes}. */
    HistoryLimits squeezed() {
        return entries <= SQUEEZED_ENTRIES ? this : new HistoryLimits(SQUEEZED_ENTRIES, bytesPerTopic, totalBytes);
    }
}
