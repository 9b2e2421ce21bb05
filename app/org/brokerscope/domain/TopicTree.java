package org.brokerscope.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every topic seen so far, as a tree of levels with message counts.
 *
 * <p>Not thread-safe by design: one thread (the ingest thread) owns it, so the hot path takes no locks.
 */
public final class TopicTree {
    private final TopicNode root = new TopicNode(null, "");
    // Most messages hit a topic seen before: one hash lookup instead of a walk per level.
    private final Map<String, TopicNode> byTopic = new HashMap<>();
    private HistoryLimits historyLimits;
    private long historyCost;

    public TopicTree() {
        this(HistoryLimits.DEFAULTS);
    }

    public TopicTree(HistoryLimits historyLimits) {
        this.historyLimits = historyLimits;
    }

    public HistoryLimits historyLimits() {
        return historyLimits;
    }

    /** Estimated heap held by all histories together; bounded by {@link HistoryLimits#totalBytes()}. */
    public long historyCost() {
        return historyCost;
    }

    /** Applies to every message from now on; histories shrink as their topics receive messages. */
    public void setHistoryLimits(HistoryLimits limits) {
        this.historyLimits = limits;
    }

    /** Records the message on its topic's node, creating levels as needed, and returns that node. */
    public TopicNode apply(Message message) {
        TopicNode node = byTopic.get(message.topic());
        if (node == null) {
            node = create(message.topic());
        }
        HistoryLimits limits = historyCost > historyLimits.totalBytes() ? historyLimits.squeezed() : historyLimits;
        historyCost += node.record(message, limits);
        return node;
    }

    /** The node for a topic or an intermediate level, e.g. {@code maison} for {@code maison/salon/temp}. */
    public Optional<TopicNode> find(String topic) {
        TopicNode node = byTopic.get(topic);
        if (node != null) {
            return Optional.of(node);
        }
        Optional<TopicNode> walked = Optional.of(root);
        for (String level : Topics.treeLevels(topic)) {
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

    /** Every level below the root, parents before children; iterative, so 200-level topics cannot overflow the stack. */
    public void forEachLevel(Consumer<TopicNode> action) {
        Deque<TopicNode> todo = new ArrayDeque<>(root.children());
        while (!todo.isEmpty()) {
            TopicNode node = todo.pop();
            action.accept(node);
            node.children().forEach(todo::push);
        }
    }

    /** The topics at or below {@code topic} that hold a retained message, e.g. to delete them. */
    public List<String> retainedTopicsUnder(String topic) {
        List<String> found = new ArrayList<>();
        find(topic).ifPresent(start -> {
            Deque<TopicNode> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                TopicNode node = todo.pop();
                if (node.holdsRetained()) {
                    found.add(node.topic());
                }
                node.children().forEach(todo::push);
            }
        });
        return List.copyOf(found);
    }

    /** Number of distinct topics that have received at least one message. */
    public int topicCount() {
        return byTopic.size();
    }

    private TopicNode create(String topic) {
        TopicNode node = root;
        for (String level : Topics.treeLevels(topic)) {
            node = node.childOrCreate(level);
        }
        byTopic.put(topic, node);
        return node;
    }

    /**
     * Adds to {@code touched} (topic to level) every level above the levels in it, once each, the root left
     * out: when a topic changes, the subtree totals of the levels above it change too.
     */
    public static void addAncestors(Map<String, TopicNode> touched) {
        List<TopicNode> leaves = new ArrayList<>(touched.values());
        java.util.Set<TopicNode> walked = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (TopicNode leaf : leaves) {
            for (TopicNode p = leaf.parent().orElse(null); p != null && !p.isRoot() && walked.add(p);
                 p = p.parent().orElse(null)) {
                touched.put(p.topic(), p);
            }
        }
    }
}
