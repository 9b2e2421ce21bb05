package org.brokerscope.sim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * Renders one reading. Plain: {@code 21.4}, or {@code 1}/{@code 0} for an event. JSON:
 * {@code {"value":21.4,"unit":"°C","timestamp":"2026-03-10T14:00:00Z"}}, with {@code true}/{@code false}
 * for an event and the simulated time as timestamp.
 */
final class Payloads {
    private Payloads() {
    }

    static String text(Measure measure, double value) {
        if (measure.isEvent()) {
            return value != 0 ? "1" : "0";
        }
        return String.format(Locale.ROOT, "%." + measure.decimals() + "f", value);
    }

    static byte[] encode(PayloadFormat format, Measure measure, double value, Instant simulatedTime) {
        String text = switch (format) {
            case PLAIN -> text(measure, value);
            case JSON -> "{\"value\":" + (measure.isEvent() ? String.valueOf(value != 0) : text(measure, value))
                    + ",\"unit\":\"" + measure.unit() + "\",\"timestamp\":\"" + simulatedTime + "\"}";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
