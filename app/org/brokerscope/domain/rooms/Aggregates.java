package org.brokerscope.domain.rooms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The aggregates republished to the broker, with their documented topics:
 * <ul>
 *   <li>{@code {site}/{room}/{measure}/avg}, {@code .../min}, {@code .../max}, {@code .../count} per room;</li>
 *   <li>{@code {site}/_house/{measure}/avg} per site.</li>
 * </ul>
 * Payloads are JSON: {@code {"value":21.4,"count":3,"window":60,"timestamp":"2026-11-23T08:00:00Z"}}, where
 * {@code count} is the number of sensors that contributed and {@code window} the averaging window in seconds.
 * {@link TopicMapper} never maps these topics back, so aggregates are never aggregated into themselves.
 */
public final class Aggregates {

    public record Aggregate(String topic, String payload) {
    }

    private Aggregates() {
    }

    public static List<Aggregate> of(RoomSnapshots.Rooms snapshot) {
        List<Aggregate> out = new ArrayList<>();
        String stamp = Instant.ofEpochMilli(snapshot.takenAtMillis()).toString();
        long window = snapshot.windowMillis() / 1000;
        for (RoomSnapshots.Room room : snapshot.rooms()) {
            for (RoomSnapshots.Measure m : room.measures()) {
                WindowStats w = m.window();
                if (w.isEmpty()) {
                    continue;
                }
                String base = room.key() + "/" + m.kind().id();
                out.add(new Aggregate(base + "/avg", payload(w.mean(), w.sensors(), window, stamp)));
                out.add(new Aggregate(base + "/min", payload(w.min(), w.sensors(), window, stamp)));
                out.add(new Aggregate(base + "/max", payload(w.max(), w.sensors(), window, stamp)));
                out.add(new Aggregate(base + "/count", payload(w.sensors(), w.sensors(), window, stamp)));
            }
        }
        for (RoomSnapshots.House h : snapshot.house()) {
            String prefix = h.site().isEmpty() ? "" : h.site() + "/";
            out.add(new Aggregate(prefix + TopicMapper.HOUSE + "/" + h.kind().id() + "/avg",
                    payload(h.average(), h.rooms(), window, stamp)));
        }
        return out;
    }

    private static String payload(double value, int count, long window, String stamp) {
        return "{\"value\":" + number(value) + ",\"count\":" + count + ",\"window\":" + window
                + ",\"timestamp\":\"" + stamp + "\"}";
    }

    /** A JSON number rounded to 3 decimals; NaN, which JSON lacks, as null. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        double rounded = Math.round(v * 1000) / 1000.0;
        return rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15
                ? String.valueOf((long) rounded) : String.format(Locale.ROOT, "%s", rounded);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
