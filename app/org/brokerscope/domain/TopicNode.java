package org.brokerscope.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One level of the topic tree. Owned and mutated by a single thread (the ingest thread); other threads
 * only see {@link TopicSnapshot}s taken from it.
 */
public final class TopicNode {
    private final TopicNode parent;
    private final String name;
    private final String topic;
    // Sorted so every view lists levels in the same order without sorting again.
    private final TreeMap<String, TopicNode> children = new TreeMap<>();
    private Message lastMessage;
    private long messageCount;
    private long subtreeMessageCount;

    TopicNode(TopicNode parent, String name) {
        this.parent = parent;
        this.name = name;
        this.topic = parent == null ? "" : parent.parent == null ? name : parent.topic + "/" + name;
    }

    public String name() {
        return name;
    }

    /** The full topic of this level; empty for the root. */
    public String topic() {
        return topic;
    }

    public Optional<TopicNode> parent() {
        return Optional.ofNullable(parent);
    }

    public Collection<TopicNode> children() {
        return Collections.unmodifiableCollection(children.values());
    }

    public Optional<Message> lastMessage() {
        return Optional.ofNullable(lastMessage);
    }

    /** Messages received on exactly this topic. */
    public long messageCount() {
        return messageCount;
    }

    /** Messages received on this topic and every topic below it. */
    public long subtreeMessageCount() {
        return subtreeMessageCount;
    }

    public TopicSnapshot snapshot() {
        return new TopicSnapshot(topic, lastMessage, messageCount, subtreeMessageCount);
    }

    TopicNode childOrCreate(String level) {
        return children.computeIfAbsent(level, l -> new TopicNode(this, l));
    }

    Optional<TopicNode> child(String level) {
        return Optional.ofNullable(children.get(level));
    }

    void record(Message message) {
        lastMessage = message;
        messageCount++;
        for (TopicNode n = this; n != null; n = n.parent) {
            n.subtreeMessageCount++;
        }
    }
}
