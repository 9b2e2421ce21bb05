package org.brokerscope.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.brokerscope.broker.BrokerEvent;

/**
 * The live graph of one broker: topic levels, clients and message dots, fed once per frame on the FX
 * thread and laid out by {@link RadialLayout}. It only shows clients a broker reported, or the app's own
 * connection: on an external broker other publishers cannot be known, so none are made up.
 */
public final class GraphModel {
    private static final long IDLE_COOL_NANOS = 250_000_000L;
    private final TopicGraph topics;
    private final ClientGraph clients;
    private final Particles particles;
    private final RadialLayout layout = new RadialLayout();
    private final boolean knowsPublishers;
    private ClientVertex self;
    private boolean structureChanged = true;
    private boolean warm;
    private long lastStepNanos;
    // Counts changes to what the still picture shows (nodes, edges, where they are, who is connected),
    // so a view can keep its drawing of them until it changes.
    private long revision;

    /**
     * @param knowsPublishers true for the embedded broker, whose extension reports every client
     * @param clientFactory   makes the vertex for a client ID (label and kind)
     */
    public GraphModel(String brokerLabel, boolean knowsPublishers, Function<String, ClientVertex> clientFactory,
                      Particles particles) {
        this.topics = new TopicGraph(brokerLabel);
        this.clients = new ClientGraph(clientFactory);
        this.particles = particles;
        this.knowsPublishers = knowsPublishers;
    }

    /** The model for an external broker: the app's own connection is the only client it can know. */
    public static GraphModel external(String brokerLabel, ClientVertex self, Particles particles) {
        return external(brokerLabel, self, id -> self, particles);
    }

    /**
     * The model for an external broker, which reports no clients: only the app's own connection and the
     * clients the app itself runs there (its virtual sensors, made by {@code known}) are drawn, as told
     * by {@link #knownPublisher}.
     */
    public static GraphModel external(String brokerLabel, ClientVertex self, Function<String, ClientVertex> known,
                                      Particles particles) {
        GraphModel model = new GraphModel(brokerLabel, false, id -> id.equals(self.clientId()) ? self : known.apply(id),
                particles);
        model.self = model.clients.vertex(self.clientId(), new boolean[1]);
        return model;
    }

    /**
     * On an external broker: a client the app runs itself and so knows, with the topics it publishes,
     * e.g. a virtual sensor. It gets publisher edges; its messages, seen by the app's subscription, send
     * dots from it. A stopped one is greyed, and one never seen running is not drawn.
     */
    public void knownPublisher(String clientId, List<String> publishes, boolean running, long now) {
        if (!running && clients.find(clientId) == null) {
            return;
        }
        boolean[] created = new boolean[1];
        ClientVertex c = clients.vertex(clientId, created);
        if (c.connected != running) {
            if (running) {
                clients.connected(c, c.address, c.mqttVersion);
            } else {
                clients.disconnected(c, now);
            }
            revision++;
        }
        for (String topic : publishes) {
            TopicVertex t = topics.vertex(topic, created);
            if (t.addPublisher(c) | c.addPublished(t)) {
                created[0] = true;
            }
        }
        structureChanged |= created[0];
    }

    public boolean knowsPublishers() {
        return knowsPublishers;
    }

    public TopicVertex broker() {
        return topics.broker();
    }

    public List<TopicVertex> topics() {
        return topics.all();
    }

    public List<ClientVertex> clients() {
        return new ArrayList<>(clients.all());
    }

    /** The clients without a copy, for painting every frame; do not keep it. */
    public Collection<ClientVertex> clientVertices() {
        return clients.view();
    }

    /** Changes whenever the still picture changes: a node added, moved, hidden, connected or gone. */
    public long revision() {
        return revision;
    }

    public Particles particles() {
        return particles;
    }

    public double outerRadius() {
        return layout.outerRadius();
    }

    /** The box around every visible vertex: {minX, minY, maxX, maxY}, in graph units. */
    public double[] bounds() {
        double[] b = {0, 0, 0, 0};
        for (TopicVertex t : topics.all()) {
            include(b, t);
        }
        for (ClientVertex c : clients.all()) {
            include(b, c);
        }
        return b;
    }

    private static void include(double[] b, Vertex v) {
        if (v.visible) {
            b[0] = Math.min(b[0], v.targetX);
            b[1] = Math.min(b[1], v.targetY);
            b[2] = Math.max(b[2], v.targetX);
            b[3] = Math.max(b[3], v.targetY);
        }
    }

    public TopicVertex topic(String path) {
        return topics.find(path);
    }

    public ClientVertex client(String clientId) {
        return clients.find(clientId);
    }

    /** What the broker's extension reported this frame, in order. Publishes beyond the dot budget are sampled. */
    public void applyEvents(List<BrokerEvent> events, long now) {
        int publishes = (int) events.stream().filter(e -> e instanceof BrokerEvent.Published).count();
        int index = 0;
        boolean[] created = new boolean[1];
        for (BrokerEvent event : events) {
            if (event instanceof BrokerEvent.Disconnected && clients.find(event.clientId()) == null) {
                continue; // refused at authentication: it never took part, so it is no node
            }
            ClientVertex c = clients.vertex(event.clientId(), created);
            switch (event) {
                case BrokerEvent.Connected e -> clients.connected(c, e.address(), e.mqttVersion());
                case BrokerEvent.Disconnected e -> clients.disconnected(c, now);
                case BrokerEvent.Subscribed e -> clients.subscribed(c, e.topicFilter(), e.qos());
                case BrokerEvent.Unsubscribed e -> clients.unsubscribed(c, e.topicFilter());
                case BrokerEvent.Published e -> published(c, e.topic(), particles.admit(index++, publishes), now, created);
            }
            if (!(event instanceof BrokerEvent.Published)) {
                revision++; // a connect, disconnect or subscription changes a colour or an edge
            }
        }
        structureChanged |= created[0];
    }

    private void published(ClientVertex from, String topic, boolean drawn, long now, boolean[] created) {
        from.messagesIn++;
        from.warm(1);
        TopicVertex t = topics.vertex(topic, created);
        if (t.addPublisher(from) | from.addPublished(t)) {
            created[0] = true; // a new edge can move the client next to its topics
        }
        if (drawn) {
            particles.launch(from, t, now);
            for (ClientVertex receiver : clients.receiversOf(topic)) {
                particles.launch(t, receiver, now + Particles.LEG_NANOS);
            }
        }
    }

    /**
     * A topic's message count as the app's own subscription saw it: warms the topic and its branch. On
     * an external broker, where publishers are unknown, it also sends a dot from the topic to this app.
     */
    public void applyTopic(String topic, long messageCount, long now) {
        if (org.brokerscope.domain.Topics.isReserved(topic)) {
            return; // $SYS and the like are the broker talking about itself: the overview shows them
        }
        boolean[] created = new boolean[1];
        TopicVertex t = topics.vertex(topic, created);
        // A topic first seen with a long history (a view built late) must not flash as if all just came.
        long fresh = created[0] ? Math.min(1, messageCount) : Math.max(0, messageCount - t.messageCount);
        t.messageCount = messageCount;
        topics.warm(t, fresh);
        structureChanged |= created[0];
        if (self != null && fresh > 0) {
            fromKnownPublishers(t, fresh, now);
        }
    }

    // External broker: the publishers the app knows (its sensors) send a dot to the topic, which sends
    // one on to this app, whose subscription saw the message.
    private void fromKnownPublishers(TopicVertex t, long fresh, long now) {
        boolean drawn = particles.admit(0, 1);
        long toSelf = now;
        for (ClientVertex publisher : t.publishers()) {
            publisher.messagesIn += fresh;
            publisher.warm(fresh);
            if (drawn && publisher.connected) {
                particles.launch(publisher, t, now);
                toSelf = now + Particles.LEG_NANOS;
            }
        }
        if (drawn) {
            particles.launch(t, self, toSelf);
        }
    }

    /** Reads how many messages the broker delivered to each connected client. */
    public void refreshDeliveries(ToLongFunction<String> deliveredTo) {
        for (ClientVertex c : clients.all()) {
            if (c.connected) {
                c.messagesOut = deliveredTo.applyAsLong(c.clientId());
            }
        }
    }

    /** Limits the graph to a topic's subtree; blank shows everything. */
    public void filter(String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        while (p.endsWith("/") || p.endsWith("#")) {
            p = p.substring(0, p.length() - 1);
        }
        topics.filter(p);
        structureChanged = true;
    }

    /** Asks for a fresh layout on the next step, e.g. after a vertex was unpinned. */
    public void relayout() {
        structureChanged = true;
    }

    public String filter() {
        return topics.filter();
    }

    /**
     * Instead of {@link #step} while no view shows the graph: at 10,000 topics the layout and the dots
     * cost the FX thread a quarter of its time at 20,000 msg/s, for a picture nobody sees. Heat still
     * cools, a few times a second, so it stays a rate; the layout waits for the next {@link #step}.
     */
    public void idle(long now) {
        particles.pause();
        if (lastStepNanos != 0 && now - lastStepNanos < IDLE_COOL_NANOS) {
            return;
        }
        double seconds = lastStepNanos == 0 ? 0 : (now - lastStepNanos) / 1e9;
        lastStepNanos = now;
        topics.all().forEach(t -> t.cool(seconds));
        clients.all().forEach(c -> c.cool(seconds));
    }

    /** Lays out if the structure changed, moves and cools every vertex; returns whether a vertex or dot moves. */
    public boolean step(long now) {
        double seconds = lastStepNanos == 0 ? 0 : Math.min(0.25, (now - lastStepNanos) / 1e9);
        lastStepNanos = now;
        for (ClientVertex gone : clients.removeGone(now)) {
            gone.publishedTo().forEach(t -> t.removePublisher(gone));
            structureChanged = true;
        }
        if (structureChanged) {
            revision++;
            updateClientVisibility();
            layout.layout(topics.broker(), clients());
            structureChanged = false;
        }
        boolean moving = false;
        boolean anyWarm = false;
        for (TopicVertex t : topics.all()) {
            moving |= t.step(seconds);
            anyWarm |= t.heat > 0;
        }
        for (ClientVertex c : clients.all()) {
            moving |= c.step(seconds);
            anyWarm |= c.heat > 0;
        }
        warm = anyWarm;
        if (moving) {
            revision++;
        }
        return particles.step(now) | moving;
    }

    /** Whether some vertex is still cooling down after the last {@link #step}: colours change slowly. */
    public boolean warm() {
        return warm;
    }

    private void updateClientVisibility() {
        boolean all = topics.filter().isEmpty();
        for (ClientVertex c : clients.all()) {
            c.visible = all || c == self || c.publishedTo().stream().anyMatch(Vertex::visible)
                    || c.subscriptions().keySet().stream().anyMatch(f -> topics.all().stream()
                            .anyMatch(t -> t.visible && !t.isBroker() && org.brokerscope.domain.Topics.matches(f, t.path())));
        }
    }
}
