package org.brokerscope.domain.rooms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The alert rules in force: per measure kind, with per-room overrides, over the kinds' defaults.
 *
 * @param byMeasure keyed by canonical measure id ({@code temperature})
 * @param byRoom    keyed by {@code room/measure} ({@code salon/temperature}), the room's name without its site
 */
public record AlertRules(Map<String, AlertRule> byMeasure, Map<String, AlertRule> byRoom) {

    public AlertRules {
        byMeasure = Map.copyOf(byMeasure);
        byRoom = Map.copyOf(byRoom);
    }

    public static AlertRules defaults() {
        return new AlertRules(Map.of(), Map.of());
    }

    public Optional<AlertRule> ruleFor(String room, MeasureKind kind) {
        AlertRule override = byRoom.get(room + "/" + kind.id());
        if (override != null) {
            return Optional.of(override);
        }
        return Optional.ofNullable(byMeasure.get(kind.id())).or(kind::defaultRule);
    }

    /**
     * Reads the editor's text, one rule a line: {@code temperature: above 26 hyst 0.5 stale},
     * {@code salon/co2: outside 400 900}, {@code battery: none stale}. Blank lines and {@code #} comments
     * are skipped; a wrong line throws with its line number.
     */
    public static AlertRules parse(String text) {
        Map<String, AlertRule> measures = new LinkedHashMap<>();
        Map<String, AlertRule> rooms = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("expected \"measure: rule\"");
                }
                String target = line.substring(0, colon).strip();
                AlertRule rule = parseRule(line.substring(colon + 1));
                int slash = target.lastIndexOf('/');
                if (slash < 0) {
                    measures.put(Measures.recognise(target).id(), rule);
                } else {
                    rooms.put(target.substring(0, slash) + "/" + Measures.recognise(target.substring(slash + 1)).id(), rule);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new AlertRules(measures, rooms);
    }

    /** {@code above 28 hyst 0.5 stale}, {@code below 20}, {@code outside 15 28}, {@code none stale}. */
    public static AlertRule parseRule(String text) {
        List<String> words = new ArrayList<>(List.of(text.strip().toLowerCase(Locale.ROOT).split("\\s+")));
        boolean stale = words.remove("stale");
        double hyst = 0;
        int h = words.indexOf("hyst");
        if (h >= 0) {
            hyst = number(words, h + 1);
            words.subList(h, h + 2).clear();
        }
        AlertRule rule = switch (words.isEmpty() ? "" : words.getFirst()) {
            case "above" -> new AlertRule(AlertRule.Kind.ABOVE, Double.NaN, number(words, 1), hyst, stale);
            case "below" -> new AlertRule(AlertRule.Kind.BELOW, number(words, 1), Double.NaN, hyst, stale);
            case "outside" -> new AlertRule(AlertRule.Kind.OUTSIDE, number(words, 1), number(words, 2), hyst, stale);
            case "none" -> new AlertRule(AlertRule.Kind.NONE, Double.NaN, Double.NaN, 0, stale);
            default -> throw new IllegalArgumentException("a rule starts with above, below, outside or none");
        };
        int expected = switch (rule.kind()) {
            case ABOVE, BELOW -> 2;
            case OUTSIDE -> 3;
            case NONE -> 1;
        };
        if (words.size() != expected) {
            throw new IllegalArgumentException("unexpected words in \"" + text.strip() + "\"");
        }
        return rule;
    }

    /** The rules as editor text, per measure first, then the room overrides. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(byMeasure).forEach((k, r) -> sb.append(k).append(": ").append(r.toLine()).append('\n'));
        new java.util.TreeMap<>(byRoom).forEach((k, r) -> sb.append(k).append(": ").append(r.toLine()).append('\n'));
        return sb.toString();
    }

    private static double number(List<String> words, int at) {
        if (at >= words.size()) {
            throw new IllegalArgumentException("a number is missing");
        }
        if (ValueParser.number(words.get(at)) instanceof PayloadValue.Number n && n.unit().isEmpty()) {
            return n.value();
        }
        throw new IllegalArgumentException("not a number: " + words.get(at));
    }
}
