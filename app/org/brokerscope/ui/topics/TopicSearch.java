package org.brokerscope.ui.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.brokerscope.domain.Topics;

/**
 * What the search box asks for: an MQTT filter when the text has a wildcard and is a valid filter
 * ({@code maison/+/temperature}, {@code zigbee2mqtt/#}), otherwise a case-insensitive substring of the
 * topic. Pure and thread-safe, so it runs on a background thread over a copy of the topics.
 */
record TopicSearch(String text) {
    /** More matches than this are counted but not shown: building their rows would stall the window. */
    static final int MAX_SHOWN = 2_000;

    boolean isEmpty() {
        return text.isBlank();
    }

    /** Has a wildcard but is not a valid filter, so it was searched as text; the user should know. */
    boolean looksLikeBadFilter() {
        return (text.contains("+") || text.contains("#")) && Topics.checkFilter(text).isPresent();
    }

    boolean isMqttFilter() {
        return (text.contains("+") || text.contains("#")) && Topics.checkFilter(text).isEmpty();
    }

    /** @param shown matching topics, at most {@link #MAX_SHOWN}; @param total all matches */
    record Result(TopicSearch search, List<String> shown, int total) {
    }

    Result run(String[] topics) {
        List<String> matches = new ArrayList<>();
        boolean filter = isMqttFilter();
        String needle = text.trim().toLowerCase(Locale.ROOT);
        for (String topic : topics) {
            boolean match = filter ? Topics.matches(text, topic) : topic.toLowerCase(Locale.ROOT).contains(needle);
            if (match) {
                matches.add(topic);
            }
        }
        // Sorted before the cap, so the rows shown are the first ones in the tree's order.
        matches.sort(NaturalOrder.INSTANCE);
        return new Result(this, List.copyOf(matches.subList(0, Math.min(MAX_SHOWN, matches.size()))), matches.size());
    }
}
