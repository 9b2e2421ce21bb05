package org.brokerscope.graph;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;

/** One topic level: {@code maison}, {@code maison/salon}, ...; the root, with an empty path, is the broker. */
public final class TopicVertex extends Vertex {
    /** Publisher edges kept per topic; a topic written by hundreds of clients shows the first few. */
    static final int MAX_PUBLISHERS = 8;

    private final String path;
    private final TopicVertex parent;
    private final int depth;
    private final TreeMap<String, TopicVertex> children = new TreeMap<>();
    private final Set<ClientVertex> publishers = new LinkedHashSet<>();
    long messageCount;
    int leaves;
    double angle;

    TopicVertex(String name, String path, TopicVertex parent) {
        super(name);
        this.path = path;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    /** The full topic, e.g. {@code maison/salon}; empty for the broker. */
    public String path() {
        return path;
    }

    public TopicVertex parent() {
        return parent;
    }

    public int depth() {
        return depth;
    }

    public boolean isBroker() {
        return parent == null;
    }

    public Collection<TopicVertex> children() {
        return children.values();
    }

    public Collection<ClientVertex> publishers() {
        return publishers;
    }

    public long messageCount() {
        return messageCount;
    }

    TopicVertex child(String name) {
        // The broker is the root, not "a level with an empty path": under "/a" the empty first level's child is "/a".
        return children.computeIfAbsent(name, n -> new TopicVertex(n, isBroker() ? n : path + "/" + n, this));
    }

    TopicVertex existingChild(String name) {
        return children.get(name);
    }

    /** Returns true when the publisher is new for this topic, which changes the picture. */
    boolean addPublisher(ClientVertex client) {
        return publishers.size() < MAX_PUBLISHERS && publishers.add(client);
    }

    void removePublisher(ClientVertex client) {
        publishers.remove(client);
    }
}
