package org.brokerscope.sim;

import java.util.Locale;
import java.util.Optional;

/** How a reading is sent: the bare number a student's sketch sends, or JSON with unit and timestamp. */
public enum PayloadFormat {
    PLAIN,
    JSON;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PayloadFormat> byKey(String key) {
        return switch (key) {
            case "plain" -> Optional.of(PLAIN);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }
}
