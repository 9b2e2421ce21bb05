package org.brokerscope.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every topic seen so far, as a tree of levels with message counts.
 *
 * <p>Not thread-safe by design: one thread (the ingest thread) owns it, so the hot path takes no locks.
 */
public final class TopicTree {
    private final TopicNode root = new TopicNode(null, "");
    // Most messages hit a topic seen before: one hash lookup instead of a walk per level.
    private final Map<String, TopicNode> byTopic = new HashMap<>();

    /** Records the message on its topic's node, creating levels as needed, and returns that node. */
    public TopicNode apply(Message message) {
        TopicNode node = byTopic.get(message.topic());
        if (node == null) {
            node = create(message.topic());
        }
        node.record(message);
        return node;
    }

    /** The node for a topic or an intermediate level, e.g. {@code maison} for {@code maison/salon/temp}. */
    public Optional<TopicNode> find(String topic) {
        TopicNode node = byTopic.get(topic);
        if (node != null) {
            return Optional.of(node);
        }
        Optional<TopicNode> walked = Optional.of(root);
        for (String level : topic.split("/", -1)) {
            walked = walked.flatMap(n -> n.child(level));
        }
        return walked;
    }

    public TopicNode root() {
        return root;
    }

    /** Every topic that has received a message, in no particular order. */
    public Collection<TopicNode> topics() {
        return Collections.unmodifiableCollection(byTopic.values());
    }

    /** Number of distinct topics that have received at least one message. */
    public int topicCount() {
        return byTopic.size();
    }

    private TopicNode create(String topic) {
        TopicNode node = root;
        int start = 0;
        while (true) {
            int slash = topic.indexOf('/', start);
            String level = slash < 0 ? topic.substring(start) : topic.substring(start, slash);
            node = node.childOrCreate(level);
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        byTopic.put(topic, node);
        return node;
    }
}
