package org.brokerscope.ui.topics;

import java.util.Arrays;

/**
 * One line of the chart: a topic, or a numeric field inside its JSON payload, as (time, value) points in
 * growing arrays. Past {@link #MAX_POINTS} the oldest half is dropped, so a chart left open all day
 * keeps a bounded size; the drop is counted and stated.
 *
 * @see ChartViewModel
 */
public final class ChartSeries {
    static final int MAX_POINTS = 200_000;
    private final String topic;
    private final String field;
    private long[] times = new long[256];
    private double[] values = new double[256];
    private int size;
    private long dropped;
    private long lastNanos = Long.MIN_VALUE;

    ChartSeries(String topic, String field) {
        this.topic = topic;
        this.field = field;
    }

    public String topic() {
        return topic;
    }

    /** A JSON Pointer such as {@code /temperature}; empty for a plain number payload. */
    public String field() {
        return field;
    }

    public String label() {
        return field.isEmpty() ? topic : topic + " " + field;
    }

    public int size() {
        return size;
    }

    public long dropped() {
        return dropped;
    }

    public long timeAt(int i) {
        return times[i];
    }

    public double valueAt(int i) {
        return values[i];
    }

    /** Adds a point unless a point of the same message (same receive time) is already in. */
    void add(long receivedNanos, long millis, double value) {
        if (receivedNanos <= lastNanos) {
            return;
        }
        lastNanos = receivedNanos;
        if (size == MAX_POINTS) {
            int half = size / 2;
            System.arraycopy(times, half, times, 0, size - half);
            System.arraycopy(values, half, values, 0, size - half);
            size -= half;
            dropped += half;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, Math.min(MAX_POINTS, size * 2));
            values = Arrays.copyOf(values, times.length);
        }
        times[size] = millis;
        values[size] = value;
        size++;
    }
}
