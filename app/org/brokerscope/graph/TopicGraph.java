package org.brokerscope.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The topic levels as a tree under the broker vertex, with a count and heat per level. */
final class TopicGraph {
    private final TopicVertex broker;
    private final Map<String, TopicVertex> byPath = new HashMap<>();
    private final List<TopicVertex> all = new ArrayList<>();
    private String filter = "";

    TopicGraph(String brokerLabel) {
        broker = new TopicVertex(brokerLabel, "", null);
        all.add(broker);
    }

    TopicVertex broker() {
        return broker;
    }

    List<TopicVertex> all() {
        return all;
    }

    TopicVertex find(String topic) {
        return byPath.get(topic);
    }

    /** The vertex for {@code topic}, created with its missing ancestors; sets {@code created} when it was new. */
    TopicVertex vertex(String topic, boolean[] created) {
        TopicVertex known = byPath.get(topic);
        if (known != null) {
            return known;
        }
        TopicVertex at = broker;
        for (String level : org.brokerscope.domain.Topics.treeLevels(topic)) {
            TopicVertex next = at.existingChild(level);
            if (next == null) {
                next = at.child(level);
                byPath.put(next.path(), next);
                all.add(next);
                next.visible = inFilter(next.path());
                created[0] = true;
            }
            at = next;
        }
        return at;
    }

    /** Counts {@code messages} on a topic and warms it and every level above it. */
    void warm(TopicVertex topic, double messages) {
        for (TopicVertex v = topic; v != null; v = v.parent()) {
            v.warm(messages);
        }
    }

    String filter() {
        return filter;
    }

    /** Shows only {@code prefix}'s subtree and the levels above it; empty shows everything. */
    void filter(String prefix) {
        filter = prefix;
        for (TopicVertex v : all) {
            v.visible = v.isBroker() || inFilter(v.path());
        }
    }

    private boolean inFilter(String path) {
        if (filter.isEmpty() || path.equals(filter) || path.startsWith(filter + "/")) {
            return true;
        }
        return filter.startsWith(path + "/"); // an ancestor of the subtree, kept to link it to the broker
    }
}
