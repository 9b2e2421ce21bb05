package org.brokerscope.domain.rooms;

/**
 * Samples in a time window: how many, their mean, min and max, and how many sensors gave them.
 * With no sample, the mean, min and max are NaN.
 */
public record WindowStats(int count, double mean, double min, double max, int sensors) {
    public static final WindowStats EMPTY = new WindowStats(0, Double.NaN, Double.NaN, Double.NaN, 0);

    public boolean isEmpty() {
        return count == 0;
    }
}
