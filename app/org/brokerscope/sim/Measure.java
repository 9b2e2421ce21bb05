package org.brokerscope.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a virtual sensor measures: its name in topics and files, its unit, the physical range a reading
 * stays in, how many decimals it is published with, and whether it is an event (published on change).
 */
public enum Measure {
    TEMPERATURE("°C", -40, 60, 1, 8),
    HUMIDITY("%", 0, 100, 1, 25),
    CO2("ppm", 350, 5_000, 0, 1_500),
    LIGHT("lx", 0, 120_000, 0, 2_000),
    PRESSURE("hPa", 900, 1_080, 1, 30),
    NOISE("dB", 20, 120, 0, 30),
    MOTION("", 0, 1, 0, 0),
    DOOR("", 0, 1, 0, 0),
    BATTERY("%", 0, 100, 1, 40);

    private final String unit;
    private final double min;
    private final double max;
    private final int decimals;
    private final double spikeSize;

    Measure(String unit, double min, double max, int decimals, double spikeSize) {
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.decimals = decimals;
        this.spikeSize = spikeSize;
    }

    /** The name used in topics and scenario files, e.g. {@code temperature}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String unit() {
        return unit;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public int decimals() {
        return decimals;
    }

    /** How far an injected spike jumps: clearly wrong, as a loose wire or a bad read would be. */
    public double spikeSize() {
        return spikeSize;
    }

    /** Motion and door sensors report on/off and publish only when the state changes. */
    public boolean isEvent() {
        return this == MOTION || this == DOOR;
    }

    public static Optional<Measure> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
    }

    public static String knownKeys() {
        return Arrays.stream(values()).map(Measure::key).collect(Collectors.joining(", "));
    }
}
