package org.brokerscope.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A client the broker reported, by its client ID; never invented. */
public final class ClientVertex extends Vertex {
    /** What the graph knows a client to be, which decides how it is drawn. */
    public enum Kind { THIS_APP, SENSOR, OTHER }

    static final int MAX_TOPICS = 16;

    private final String clientId;
    private final Kind kind;
    private final Map<String, Integer> subscriptions = new LinkedHashMap<>();
    private final Set<TopicVertex> publishedTo = new LinkedHashSet<>();
    boolean connected = true;
    long disconnectedAtNanos;
    String address = "";
    String mqttVersion = "";
    long messagesIn;
    long messagesOut;
    double angle;

    public ClientVertex(String clientId, Kind kind, String label) {
        super(label);
        this.clientId = clientId;
        this.kind = kind;
    }

    public String clientId() {
        return clientId;
    }

    public Kind kind() {
        return kind;
    }

    public boolean connected() {
        return connected;
    }

    public String address() {
        return address;
    }

    public String mqttVersion() {
        return mqttVersion;
    }

    /** PUBLISH packets the client sent to the broker. */
    public long messagesIn() {
        return messagesIn;
    }

    /** PUBLISH packets the broker sent to the client. */
    public long messagesOut() {
        return messagesOut;
    }

    /** Topic filter to QoS, in the order the client subscribed. */
    public Map<String, Integer> subscriptions() {
        return Collections.unmodifiableMap(subscriptions);
    }

    /** The first topics this client published to (at most {@value #MAX_TOPICS}). */
    public Set<TopicVertex> publishedTo() {
        return Collections.unmodifiableSet(publishedTo);
    }

    Map<String, Integer> mutableSubscriptions() {
        return subscriptions;
    }

    boolean addPublished(TopicVertex topic) {
        return publishedTo.size() < MAX_TOPICS && publishedTo.add(topic);
    }
}
