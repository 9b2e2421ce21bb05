package org.brokerscope.domain.rooms;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user's rule from topics to rooms: a topic pattern with named levels ({@code {site}}, {@code {room}},
 * {@code {measure}}, {@code {sensor}}; {@code +} or any other {@code {name}} matches one level and is
 * ignored; a final {@code #} matches the rest), and an optional JSON field path. Without a
 * {@code {measure}} level, the object at the path is read as several measures, one per numeric field.
 */
public record MappingRule(String pattern, String jsonPath) {
    private static final Set<String> NAMED = Set.of("site", "room", "measure", "sensor");

    /** Examples shown in the rules editor: common public conventions. */
    public static final List<String> EXAMPLES = List.of(
            "{site}/{room}/{measure}",
            "{site}/{room}/{measure}/{sensor}",
            "home/{room}/sensor/{sensor}/{measure}",
            "zigbee2mqtt/{room} | $",
            "tele/{room}/SENSOR | AM2301",
            "{site}/{room}/{measure} | value");

    public MappingRule {
        pattern = pattern == null ? "" : pattern.strip();
        jsonPath = jsonPath == null ? "" : jsonPath.strip();
        List<String> levels = List.of(pattern.split("/", -1));
        if (pattern.isEmpty() || !levels.contains("{room}")) {
            throw new IllegalArgumentException("the pattern needs a {room} level: " + pattern);
        }
        if (!levels.contains("{measure}") && jsonPath.isEmpty()) {
            throw new IllegalArgumentException("without a {measure} level, give a JSON path (\"$\" for the whole payload): " + pattern);
        }
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            if (level.contains("#") && (!level.equals("#") || i != levels.size() - 1)) {
                throw new IllegalArgumentException("# may only be the last level: " + pattern);
            }
            if (level.startsWith("{") != level.endsWith("}")) {
                throw new IllegalArgumentException("unclosed {name} in level \"" + level + "\": " + pattern);
            }
        }
    }

    /** Reads one editor line: {@code pattern} or {@code pattern | json.path}. */
    public static MappingRule parseLine(String line) {
        int bar = line.indexOf('|');
        return bar < 0 ? new MappingRule(line, "") : new MappingRule(line.substring(0, bar), line.substring(bar + 1));
    }

    public String toLine() {
        return jsonPath.isEmpty() ? pattern : pattern + " | " + jsonPath;
    }

    public Optional<TopicMatch> match(String topic) {
        String[] p = pattern.split("/", -1);
        String[] t = topic.split("/", -1);
        boolean rest = p[p.length - 1].equals("#");
        int fixed = rest ? p.length - 1 : p.length;
        if (rest ? t.length < fixed : t.length != fixed) {
            return Optional.empty();
        }
        String site = "";
        String room = null;
        String measure = null;
        String sensor = "";
        for (int i = 0; i < fixed; i++) {
            String level = p[i];
            if (level.startsWith("{") && level.endsWith("}")) {
                String name = level.substring(1, level.length() - 1);
                if (NAMED.contains(name) && t[i].isEmpty()) {
                    return Optional.empty();
                }
                switch (name) {
                    case "site" -> site = t[i];
                    case "room" -> room = t[i];
                    case "measure" -> measure = t[i];
                    case "sensor" -> sensor = t[i];
                    default -> { } // a named level the user wants ignored
                }
            } else if (!level.equals("+") && !level.equals(t[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(new TopicMatch(site, room, Optional.ofNullable(measure), sensor, jsonPath));
    }
}
