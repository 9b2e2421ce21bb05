package org.brokerscope.domain.rooms;

/**
 * One sensor's last value, when it last spoke and how often it usually does. It is stale when silent
 * for more than 3 times its usual interval; with fewer than three samples its interval is too uncertain and it
 * is never called stale.
 */
public final class SensorState {
    static final double STALE_FACTOR = 3;
    private static final long MIN_INTERVAL_MILLIS = 100;
    private final String source;
    private final SlidingWindow window;
    private double last = Double.NaN;
    private long lastMillis;
    private double intervalMillis = Double.NaN;
    private long samples;

    public SensorState(String source, long windowMillis, int capacity) {
        this.source = source;
        this.window = new SlidingWindow(windowMillis, capacity);
    }

    public void add(long timeMillis, double value) {
        if (samples > 0) {
            long gap = Math.max(timeMillis - lastMillis, 0);
            // A smoothed interval: one late message does not make the usual interval jump.
            intervalMillis = Double.isNaN(intervalMillis) ? gap : 0.8 * intervalMillis + 0.2 * gap;
        }
        samples++;
        last = value;
        lastMillis = Math.max(lastMillis, timeMillis);
        window.add(timeMillis, value);
    }

    public boolean isStale(long nowMillis) {
        return samples >= 3 && nowMillis - lastMillis > STALE_FACTOR * Math.max(intervalMillis, MIN_INTERVAL_MILLIS);
    }

    public WindowStats stats(long nowMillis) {
        return window.stats(nowMillis);
    }

    public SensorSnapshot snapshot(long nowMillis) {
        return new SensorSnapshot(source, last, lastMillis,
                Double.isNaN(intervalMillis) ? -1 : Math.round(intervalMillis), samples, isStale(nowMillis));
    }

    public String source() {
        return source;
    }

    public double last() {
        return last;
    }
}
