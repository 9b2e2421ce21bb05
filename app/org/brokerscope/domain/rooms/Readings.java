package org.brokerscope.domain.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a mapped topic and its payload into readings, or says why it cannot. */
public final class Readings {

    /** Either readings or the reason there are none; never both. */
    public record Result(List<Reading> readings, Optional<String> unreadable) {
        static Result of(List<Reading> readings) {
            return new Result(List.copyOf(readings), Optional.empty());
        }

        static Result unreadable(String why) {
            return new Result(List.of(), Optional.of(why));
        }
    }

    private Readings() {
    }

    public static Result read(String topic, TopicMatch match, byte[] payload) {
        return read(topic, match, ValueParser.parse(payload));
    }

    public static Result read(String topic, TopicMatch match, PayloadValue value) {
        return switch (value) {
            case PayloadValue.Unreadable u -> Result.unreadable(u.reason());
            case PayloadValue.Number n -> match.measure()
                    .map(m -> Result.of(List.of(reading(m, topic, n.value(), n.unit()))))
                    .orElseGet(() -> Result.unreadable("expected a JSON object with measures, got a number"));
            case PayloadValue.Json json -> fromJson(topic, match, json.root());
        };
    }

    private static Result fromJson(String topic, TopicMatch match, Object root) {
        Optional<Object> node = MiniJson.path(root, match.jsonPath());
        if (node.isEmpty()) {
            return Result.unreadable("no field at JSON path \"" + match.jsonPath() + "\"");
        }
        if (match.measure().isPresent()) {
            return single(topic, match.measure().get(), node.get());
        }
        if (!(node.get() instanceof Map<?, ?> fields)) {
            return Result.unreadable("expected a JSON object of measures at \"" + match.jsonPath() + "\"");
        }
        List<Reading> readings = new ArrayList<>();
        String unit = fields.get("unit") instanceof String s ? s : "";
        fields.forEach((name, v) -> numeric(v).ifPresent(d -> readings.add(reading(String.valueOf(name), topic + "#" + name, d, unit))));
        return readings.isEmpty() ? Result.unreadable("no numeric field in the JSON object") : Result.of(readings);
    }

    // {"value": 21.5}, {"temperature": 21.5, "unit": "C"}, {"temp": 21.5}, or a lone numeric field.
    private static Result single(String topic, String measure, Object node) {
        Optional<Double> direct = numeric(node);
        if (direct.isPresent()) {
            return Result.of(List.of(reading(measure, topic, direct.get(), "")));
        }
        if (!(node instanceof Map<?, ?> fields)) {
            return Result.unreadable("no number in the JSON payload");
        }
        String unit = fields.get("unit") instanceof String s ? s : "";
        String canonical = Measures.recognise(measure).id();
        Optional<Double> found = fields.entrySet().stream()
                .filter(e -> e.getKey().equals("value") || Measures.recognise(String.valueOf(e.getKey())).id().equals(canonical))
                .map(e -> numeric(e.getValue())).flatMap(Optional::stream).findFirst();
        if (found.isEmpty()) {
            List<Double> numbers = fields.values().stream().map(Readings::numeric).flatMap(Optional::stream).toList();
            found = numbers.size() == 1 ? Optional.of(numbers.getFirst()) : Optional.empty();
        }
        return found.map(v -> Result.of(List.of(reading(measure, topic, v, unit))))
                .orElseGet(() -> Result.unreadable("no \"value\" or \"" + measure + "\" number in the JSON payload"));
    }

    private static Optional<Double> numeric(Object v) {
        if (v instanceof Double d && Double.isFinite(d)) {
            return Optional.of(d);
        }
        if (v instanceof String s && ValueParser.number(s) instanceof PayloadValue.Number n) {
            return Optional.of(n.value());
        }
        return Optional.empty();
    }

    private static Reading reading(String measure, String source, double value, String unit) {
        MeasureKind kind = Measures.recognise(measure);
        return new Reading(kind, source, convert(kind, value, unit));
    }

    // Rooms show one unit per measure; Fahrenheit readings are turned into the kind's Celsius.
    private static double convert(MeasureKind kind, double value, String unit) {
        if (kind == Measures.TEMPERATURE && (unit.equals("F") || unit.equals("°F"))) {
            return (value - 32) * 5 / 9;
        }
        return value;
    }
}
