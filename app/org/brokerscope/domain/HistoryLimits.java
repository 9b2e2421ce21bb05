package org.brokerscope.domain;

/**
 * How much history each topic keeps: at most {@code entries} messages and at most {@code bytesPerTopic}
 * bytes of payload. The byte cap evicts the oldest entries, never cuts a payload: a 16 MB message is
 * kept whole as the latest one and the history says how many entries the cap left.
 */
public record HistoryLimits(int entries, long bytesPerTopic) {
    public static final int DEFAULT_ENTRIES = 100;
    public static final long DEFAULT_BYTES_PER_TOPIC = 1L << 20;
    public static final HistoryLimits DEFAULTS = new HistoryLimits(DEFAULT_ENTRIES, DEFAULT_BYTES_PER_TOPIC);

    public HistoryLimits {
        if (entries < 1 || bytesPerTopic < 1) {
            throw new IllegalArgumentException("History limits must be positive: " + entries + ", " + bytesPerTopic);
        }
    }

    public HistoryLimits withEntries(int newEntries) {
        return new HistoryLimits(newEntries, bytesPerTopic);
    }
}
