package org.brokerscope.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.brokerscope.domain.Topics;

/** The clients the broker reported, their subscriptions, and who receives a topic. */
final class ClientGraph {
    /** A disconnected client stays, greyed, this long, so a class sees who just left. */
    static final long GREY_NANOS = 60_000_000_000L;

    private final Function<String, ClientVertex> factory;
    private final Map<String, ClientVertex> byId = new LinkedHashMap<>();
    private final Collection<ClientVertex> view = Collections.unmodifiableCollection(byId.values());
    // Topic -> its subscribers; cleared whenever a subscription or a connection changes.
    private final Map<String, List<ClientVertex>> receivers = new HashMap<>();

    ClientGraph(Function<String, ClientVertex> factory) {
        this.factory = factory;
    }

    Collection<ClientVertex> all() {
        return byId.values();
    }

    Collection<ClientVertex> view() {
        return view;
    }

    ClientVertex find(String clientId) {
        return byId.get(clientId);
    }

    /** The vertex for a client the broker reported; created if it is new (sets {@code created}). */
    ClientVertex vertex(String clientId, boolean[] created) {
        ClientVertex c = byId.get(clientId);
        if (c == null) {
            c = factory.apply(clientId);
            byId.put(clientId, c);
            created[0] = true;
        }
        return c;
    }

    void connected(ClientVertex c, String address, String mqttVersion) {
        c.connected = true;
        c.address = address;
        c.mqttVersion = mqttVersion;
        // A client that connects again starts a new session: its old subscriptions are gone (clean start).
        c.mutableSubscriptions().clear();
        receivers.clear();
    }

    void disconnected(ClientVertex c, long now) {
        c.connected = false;
        c.disconnectedAtNanos = now;
        receivers.clear();
    }

    void subscribed(ClientVertex c, String filter, int qos) {
        c.mutableSubscriptions().put(filter, qos);
        receivers.clear();
    }

    void unsubscribed(ClientVertex c, String filter) {
        c.mutableSubscriptions().remove(filter);
        receivers.clear();
    }

    /** Connected clients with a subscription matching {@code topic}. */
    List<ClientVertex> receiversOf(String topic) {
        return receivers.computeIfAbsent(topic, t -> {
            List<ClientVertex> out = new ArrayList<>(2);
            for (ClientVertex c : byId.values()) {
                if (c.connected && c.mutableSubscriptions().keySet().stream().anyMatch(f -> Topics.matches(f, t))) {
                    out.add(c);
                }
            }
            return out;
        });
    }

    /** Forgets clients greyed for longer than {@link #GREY_NANOS}; returns those removed. */
    List<ClientVertex> removeGone(long now) {
        List<ClientVertex> gone = new ArrayList<>();
        for (Iterator<ClientVertex> it = byId.values().iterator(); it.hasNext(); ) {
            ClientVertex c = it.next();
            if (!c.connected && now - c.disconnectedAtNanos > GREY_NANOS) {
                it.remove();
                gone.add(c);
            }
        }
        if (!gone.isEmpty()) {
            receivers.clear();
        }
        return gone;
    }
}
