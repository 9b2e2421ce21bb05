package org.brokerscope.cli.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The Rooms view's load for {@code bench frames}: {@value #ROOMS} rooms of a house, each with temperature,
 * humidity and CO2 from {@value #SENSORS} sensors, as plain numbers a student's script would send
 * ({@code frames/room07/temperature/s2} = {@code 21.37}). Enough cards to fill and overflow the viewport.
 */
final class RoomsLoad {
    static final int ROOMS = 24;
    static final int SENSORS = 4;
    private static final List<String> MEASURES = List.of("temperature", "humidity", "co2");
    private static final double[] BASE = {21, 45, 600};
    private static final double[] SWING = {3, 10, 300};
    static final int TOPICS = ROOMS * SENSORS * 3;

    private RoomsLoad() {
    }

    static String topic(int i) {
        int measure = i % 3;
        int sensor = i / 3 % SENSORS;
        int room = i / 3 / SENSORS;
        return String.format(Locale.ROOT, "frames/room%02d/%s/s%d", room, MEASURES.get(measure), sensor);
    }

    // A slow wave per message number, so gauges and charts move without tripping the default alerts often.
    static byte[] payload(long n) {
        int measure = (int) (n % 3);
        double value = BASE[measure] + SWING[measure] * Math.sin(n / 5_000.0 + n % TOPICS);
        return String.format(Locale.ROOT, "%.2f", value).getBytes(StandardCharsets.UTF_8);
    }
}
