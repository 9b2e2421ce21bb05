package org.brokerscope.ui.publish;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The topic names seen live, for the topic field's autocompletion. Bounded. Added to on the FX thread and
 * read while typing; a concurrent set so a reader on another thread would also be safe.
 */
final class KnownTopics {
    static final int CAPACITY = 100_000;
    static final int MAX_SUGGESTIONS = 15;
    private final ConcurrentSkipListSet<String> topics = new ConcurrentSkipListSet<>();
    // ConcurrentSkipListSet.size() walks the whole set.
    private final AtomicInteger count = new AtomicInteger();

    void addAll(Collection<String> seen) {
        for (String topic : seen) {
            if (count.get() >= CAPACITY) {
                return;
            }
            if (topics.add(topic)) {
                count.incrementAndGet();
            }
        }
    }

    void clear() {
        topics.clear();
        count.set(0);
    }

    int size() {
        return count.get();
    }

    /** Topics starting with {@code typed}, in order; if none, those containing it (ignoring case). */
    List<String> suggestions(String typed) {
        if (typed == null || typed.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(MAX_SUGGESTIONS);
        for (String topic : topics.tailSet(typed, true)) {
            if (!topic.startsWith(typed) || out.size() == MAX_SUGGESTIONS) {
                break;
            }
            if (!topic.equals(typed)) {
                out.add(topic);
            }
        }
        if (out.isEmpty()) {
            String lower = typed.toLowerCase(Locale.ROOT);
            topics.stream().filter(t -> t.toLowerCase(Locale.ROOT).contains(lower) && !t.equals(typed))
                    .limit(MAX_SUGGESTIONS).forEach(out::add);
        }
        return out;
    }
}
