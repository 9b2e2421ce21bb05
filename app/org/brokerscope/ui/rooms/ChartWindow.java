package org.brokerscope.ui.rooms;

import java.time.Duration;

/** The spans a room chart can show. */
public enum ChartWindow {
    MINUTE(Duration.ofMinutes(1), 1_000),
    TEN_MINUTES(Duration.ofMinutes(10), 1_000),
    HOUR(Duration.ofHours(1), 2_000),
    DAY(Duration.ofDays(1), 5_000);

    private final Duration span;
    private final long redrawMillis;

    ChartWindow(Duration span, long redrawMillis) {
        this.span = span;
        this.redrawMillis = redrawMillis;
    }

    public Duration span() {
        return span;
    }

    /** A day moves a pixel every few minutes: no need to redraw it every second. */
    public long redrawMillis() {
        return redrawMillis;
    }

    static ChartWindow parse(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return TEN_MINUTES;
        }
    }
}
