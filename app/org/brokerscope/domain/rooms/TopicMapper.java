package org.brokerscope.domain.rooms;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a topic to a room and a measure: the user's rules first, in order, then the default layout
 * {@code {site}/{room}/{measure}} at any depth, where a recognised measure followed by one more level
 * makes that level a sensor id ({@code maison/salon/temperature/s1}). Without a recognised measure name
 * the last level is the measure and the one before it the room, when the topic has at least 3 levels.
 *
 * <p>Aggregates this app publishes ({@code .../avg}, {@code {site}/_house/...}) are never mapped, so
 * they are never aggregated into themselves.
 */
public record TopicMapper(List<MappingRule> rules) {
    public static final String HOUSE = "_house";
    public static final Set<String> AGGREGATE_LEVELS = Set.of("avg", "min", "max", "count");
    /**
     * Device availability topics, not readings: our sensors' {@code .../status} (online/offline, their Last
     * Will), zigbee2mqtt's {@code /availability}, Tasmota's {@code /LWT}. Counting them as unreadable
     * readings would flag every healthy device.
     */
    public static final Set<String> AVAILABILITY_LEVELS = Set.of("status", "availability", "lwt");

    public TopicMapper {
        rules = List.copyOf(rules);
    }

    public static TopicMapper defaults() {
        return new TopicMapper(List.of());
    }

    /** Whether the topic is one of the aggregates published by {@code Aggregates}: marked, never re-read. */
    public static boolean isAggregate(String topic) {
        String[] levels = topic.split("/", -1);
        return AGGREGATE_LEVELS.contains(levels[levels.length - 1]) || Arrays.asList(levels).contains(HOUSE);
    }

    public static boolean isAvailability(String topic) {
        int slash = topic.lastIndexOf('/');
        return AVAILABILITY_LEVELS.contains(topic.substring(slash + 1).toLowerCase(java.util.Locale.ROOT));
    }

    public Optional<TopicMatch> map(String topic) {
        if (topic.startsWith("$") || isAggregate(topic) || isAvailability(topic)) {
            return Optional.empty();
        }
        for (MappingRule rule : rules) {
            Optional<TopicMatch> match = rule.match(topic);
            if (match.isPresent()) {
                return match;
            }
        }
        return byDefault(topic.split("/", -1));
    }

    private static Optional<TopicMatch> byDefault(String[] levels) {
        int n = levels.length;
        for (int i = n - 1; i >= Math.max(1, n - 2); i--) {
            if (Measures.known(levels[i]).isPresent() && !levels[i - 1].isEmpty()) {
                String sensor = i == n - 1 ? "" : levels[n - 1];
                return Optional.of(new TopicMatch(join(levels, i - 1), levels[i - 1], Optional.of(levels[i]), sensor, ""));
            }
        }
        if (n >= 3 && !levels[n - 1].isEmpty() && !levels[n - 2].isEmpty()) {
            return Optional.of(new TopicMatch(join(levels, n - 2), levels[n - 2], Optional.of(levels[n - 1]), "", ""));
        }
        return Optional.empty();
    }

    private static String join(String[] levels, int count) {
        return String.join("/", Arrays.copyOfRange(levels, 0, count));
    }
}
