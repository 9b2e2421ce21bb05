package org.brokerscope.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.brokerscope.AppStatus;
import org.brokerscope.broker.BrokerEvent;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.graph.ClientVertex;
import org.brokerscope.graph.GraphModel;
import org.brokerscope.graph.Particles;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.FrameStats;
import org.brokerscope.ui.I18n;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.VirtualSensor;

/**
 * The Graph view's state, fed once per frame by the FX pump: the embedded broker's client activity
 * (drained here, capped per frame) and the topic changes of the frame go into a {@link GraphModel};
 * then every canvas showing it is asked to paint.
 */
public final class GraphViewModel {
    /** Broker events applied per frame at most; the rest wait in the broker's bounded feed. */
    static final int MAX_EVENTS_PER_FRAME = 5_000;
    private static final long DELIVERIES_EVERY_NANOS = 500_000_000L;
    private static final long COOLING_PAINT_NANOS = 100_000_000L;
    /** Dots started per frame at most, and alive at once: enough to read, cheap to draw in software. */
    private static final int DOTS_PER_FRAME = 12;
    private static final int DOTS_ALIVE = 300;
    /** The prefix of the client IDs the app gives its own connections. */
    static final String OWN_CLIENT_PREFIX = "brokerscope-";

    /** Something that paints the graph: told the frame time and whether anything moves. */
    interface Painter {
        void paint(long now, boolean moving);
    }

    private final I18n i18n;
    private final Supplier<Optional<EmbeddedBroker>> embedded;
    private final Consumer<String> onTopicSelected;
    private final List<Painter> painters = new CopyOnWriteArrayList<>();
    private final List<BrokerEvent> events = new ArrayList<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectedTopic = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectedClient = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper brokerAddress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper presenterAddress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sharedCredentials = new ReadOnlyStringWrapper("");
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private final ClientListModel clientList;
    // Results of the user's commands (disconnect, share), left by other threads for the next frame.
    private final Queue<Runnable> commandOutcomes = new ConcurrentLinkedQueue<>();
    private final SharingModel sharing;
    private final OverviewViewModel overview;
    private final KnownClients known;
    private GraphModel graph;
    private String graphFor = "";
    private EmbeddedBroker broker;
    private long lastDeliveries;
    private long lastCoolingPaint;
    private final WorkStats workStats = Boolean.getBoolean(FrameStats.PROPERTY) ? new WorkStats() : null;

    /**
     * @param embedded        the app's embedded broker once it runs; empty while starting or when the app
     *                        watches an external broker
     * @param onTopicSelected told the topic a user clicked, to select it in the topic tree
     */
    public GraphViewModel(I18n i18n, Supplier<Optional<EmbeddedBroker>> embedded,
                          Supplier<Optional<BrokerConnection>> monitor, Supplier<Optional<SensorFleet>> sensors,
                          Executor background, Consumer<String> onTopicSelected) {
        this.i18n = i18n;
        this.known = new KnownClients(sensors);
        this.embedded = embedded;
        this.onTopicSelected = onTopicSelected;
        filter.addListener((obs, old, now) -> {
            if (graph != null) {
                graph.filter(now);
            }
        });
        summary.set(i18n.text("graph.waiting"));
        clientList = new ClientListModel(i18n);
        sharing = new SharingModel(i18n, background, commandOutcomes);
        overview = new OverviewViewModel(i18n, monitor);
        sharedCredentials.bind(sharing.credentialsTextProperty());
    }

    /** Called once per frame by the pump. */
    public void onFrame(Frame frame) {
        if (graph != null && !frame.status().brokerUrl().orElse("").equals(graphFor)) {
            graph = null; // the app now watches another broker: start its picture afresh
            broker = null;
            note.set("");
        }
        if (graph == null && !createGraph(frame.status())) {
            return;
        }
        long start = System.nanoTime();
        update(frame);
        if (workStats != null) {
            workStats.record(start, System.nanoTime());
        }
    }

    private void update(Frame frame) {
        long now = frame.nowNanos();
        if (broker != null) {
            events.clear();
            broker.activity().drain(events::add, MAX_EVENTS_PER_FRAME);
            graph.applyEvents(events, now);
        }
        if (now - lastDeliveries > DELIVERIES_EVERY_NANOS) {
            if (broker != null) {
                graph.refreshDeliveries(broker.activity()::deliveredTo);
            } else {
                known.feed(graph, graphFor, now);
            }
            clientList.refresh(graph);
            summary.set(i18n.text("graph.summary", graph.topics().size() - 1, graph.clients().size()));
            lastDeliveries = now;
        }
        for (Runnable outcome = commandOutcomes.poll(); outcome != null; outcome = commandOutcomes.poll()) {
            outcome.run();
        }
        for (TopicSnapshot s : frame.changes().values()) {
            graph.applyTopic(s.topic(), s.messageCount(), now);
        }
        overview.onFrame(frame, Optional.ofNullable(broker));
        frame.status().brokerUrl().ifPresent(brokerAddress::set);
        String network = sharing.networkAddressProperty().get();
        presenterAddress.set(network.isEmpty() ? brokerAddress.get() : network);
        if (painters.isEmpty()) {
            graph.idle(now); // no canvas shows the graph: keep its counts, skip its picture
            return;
        }
        // Dots and gliding nodes need every frame; colours cooling down only a few times a second.
        boolean moving = graph.step(now);
        if (!moving && graph.warm() && now - lastCoolingPaint >= COOLING_PAINT_NANOS) {
            moving = true;
            lastCoolingPaint = now;
        }
        for (Painter painter : painters) {
            painter.paint(now, moving);
        }
    }

    private boolean createGraph(AppStatus status) {
        Optional<EmbeddedBroker> running = embedded.get();
        String label = i18n.text("graph.broker");
        graphFor = status.brokerUrl().orElse("");
        if (running.isPresent() && KnownClients.watchesEmbedded(graphFor, running.get())) {
            broker = running.get();
            graph = new GraphModel(label, true, this::clientVertex, new Particles(DOTS_PER_FRAME, DOTS_ALIVE));
            graph.applyEvents(broker.activity().connectedNow(), 0);
            sharing.showCurrent(broker);
        } else if (status.phase() == AppStatus.Phase.RUNNING) {
            graph = GraphModel.external(label, new ClientVertex("brokerscope", ClientVertex.Kind.THIS_APP,
                    i18n.text("graph.thisApp")), this::clientVertex, new Particles(DOTS_PER_FRAME, DOTS_ALIVE));
            note.set(i18n.text("graph.external.known"));
        } else {
            return false;
        }
        graph.filter(filter.get());
        return true;
    }

    private ClientVertex clientVertex(String clientId) {
        if (clientId.startsWith(OWN_CLIENT_PREFIX)) {
            return new ClientVertex(clientId, ClientVertex.Kind.THIS_APP, i18n.text("graph.thisApp"));
        }
        ClientVertex.Kind kind = clientId.startsWith(VirtualSensor.CLIENT_ID_PREFIX) ? ClientVertex.Kind.SENSOR : ClientVertex.Kind.OTHER;
        return new ClientVertex(clientId, kind, clientId);
    }

    /** The graph once the broker is known; null before. */
    public GraphModel graph() {
        return graph;
    }

    void addPainter(Painter painter) {
        painters.add(painter);
    }

    void removePainter(Painter painter) {
        painters.remove(painter);
    }

    /** A topic was clicked: remember it and have the topic tree select it. */
    public void selectTopic(String topic) {
        selectedTopic.set(topic);
        onTopicSelected.accept(topic);
    }

    public void selectClient(String clientId) {
        selectedClient.set(clientId);
    }

    public ClientListModel clientList() {
        return clientList;
    }

    /** Whether clients can be listed and disconnected: only on the embedded broker. */
    public boolean managesClients() {
        return broker != null;
    }

    /** The teacher's command: the embedded broker drops the client; the outcome shows on a later frame. */
    public void disconnect(String clientId) {
        if (broker == null) {
            return;
        }
        // The broker answers on its own thread; the answer is shown by the pump, not with runLater.
        clientList.disconnect(broker, clientId).whenComplete((done, error) ->
                commandOutcomes.add(() -> clientList.disconnected(clientId, Boolean.TRUE.equals(done), error)));
    }

    /** The username offered for sharing, in the user's language ("classe", "class"). */
    public String defaultShareUser() {
        return i18n.text("graph.share.defaultUser");
    }

    public OverviewViewModel overview() {
        return overview;
    }

    public SharingModel sharing() {
        return sharing;
    }

    /** Opens the embedded broker to the network or closes it; blank username: no credentials asked. */
    public void share(boolean open, String username, String password) {
        if (broker != null) {
            sharing.apply(broker, open, username, password);
        }
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** One line about what the graph cannot show, e.g. publishers on an external broker; empty if none. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedTopicProperty() {
        return selectedTopic.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedClientProperty() {
        return selectedClient.getReadOnlyProperty();
    }

    /** Whether presenter mode is showing. */
    public BooleanProperty presenterProperty() {
        return presenter;
    }

    /** The address shown big in presenter mode: the network address while shared, else the broker's. */
    public ReadOnlyStringProperty presenterAddressProperty() {
        return presenterAddress.getReadOnlyProperty();
    }

    /** "Username … password …" for students while sharing asks for them; empty otherwise. */
    public ReadOnlyStringProperty sharedCredentialsProperty() {
        return sharedCredentials.getReadOnlyProperty();
    }

    /** The address clients use to reach the watched broker, e.g. {@code mqtt://127.0.0.1:1883}. */
    public ReadOnlyStringProperty brokerAddressProperty() {
        return brokerAddress.getReadOnlyProperty();
    }
}
