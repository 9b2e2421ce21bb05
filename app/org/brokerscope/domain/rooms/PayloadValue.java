package org.brokerscope.domain.rooms;

/** What a payload holds, as far as rooms care: one number, a JSON document, or nothing readable. */
public sealed interface PayloadValue {

    /** A number, with the unit written after it ({@code 21.5 °C}), or "" when there was none. */
    record Number(double value, String unit) implements PayloadValue {
    }

    /** A JSON object or array, read with {@link MiniJson}. */
    record Json(Object root) implements PayloadValue {
    }

    /** Why the payload is not a number; counted per topic and shown, never plotted. */
    record Unreadable(String reason) implements PayloadValue {
    }
}
