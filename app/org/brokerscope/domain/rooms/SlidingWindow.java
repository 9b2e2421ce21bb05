package org.brokerscope.domain.rooms;

/**
 * One sensor's samples of the last {@code windowMillis}, in a ring of bounded size: a sensor that
 * publishes faster than the ring holds keeps only its newest samples, so memory stays bounded.
 */
public final class SlidingWindow {
    private final long windowMillis;
    private final long[] times;
    private final double[] values;
    private int head;
    private int size;

    public SlidingWindow(long windowMillis, int capacity) {
        this.windowMillis = windowMillis;
        this.times = new long[capacity];
        this.values = new double[capacity];
    }

    public void add(long timeMillis, double value) {
        int tail = (head + size) % times.length;
        times[tail] = timeMillis;
        values[tail] = value;
        if (size < times.length) {
            size++;
        } else {
            head = (head + 1) % times.length;
        }
    }

    /** Mean, min and max of the samples in (now - window, now]; older samples are dropped. */
    public WindowStats stats(long nowMillis) {
        while (size > 0 && times[head] <= nowMillis - windowMillis) {
            head = (head + 1) % times.length;
            size--;
        }
        if (size == 0) {
            return WindowStats.EMPTY;
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            double v = values[(head + i) % times.length];
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new WindowStats(size, sum / size, min, max, 1);
    }

    public long windowMillis() {
        return windowMillis;
    }
}
