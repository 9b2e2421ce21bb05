package org.brokerscope.ui.topics;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TreeItem;
import org.brokerscope.domain.Message;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;

/**
 * The live topic tree: fed once per frame, searched off the FX thread, and the commands of its context
 * menu. The inspector, chart and subscriptions panel have their own models, reached from here.
 */
public final class TopicsViewModel {
    static final long DEBOUNCE_NANOS = 250_000_000L;
    private static final long CLOCK_TICK_NANOS = 250_000_000L;
    private static final long RESEARCH_NANOS = 1_000_000_000L;

    private final I18n i18n;
    private final IngestPipeline ingest;
    private final java.util.function.Supplier<Optional<BrokerConnection>> monitor;
    private final Executor background;
    private final Consumer<String> publishTo;
    private final TopicTreeModel tree = new TopicTreeModel();
    private final InspectorViewModel inspector;
    private final ChartViewModel chart;
    private final ReadOnlyObjectWrapper<TreeItem<TopicItem>> shownRoot = new ReadOnlyObjectWrapper<>(tree.root());
    private final ObjectProperty<TreeItem<TopicItem>> selected = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper searchStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyLongWrapper clock = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper slowClock = new ReadOnlyLongWrapper();
    private final AtomicReference<TopicSearch.Result> searchResult = new AtomicReference<>();
    private long typedAtNanos = -1;
    private long lastSearchNanos;
    private long lastTickNanos;
    private int sizeAtLastSearch;
    private TopicSearch activeSearch = new TopicSearch("");
    // The ingest epoch the tree was built for, and the one read at the end of the last frame: read after
    // that frame's changes were taken, so any change taken later belongs to it (see onFrame).
    private long builtEpoch;
    private long seenEpoch;

    /**
     * @param monitor    the app's own connection, used to delete retained messages
     * @param background runs searches over many topics, off the FX thread
     * @param publishTo  opens the publish form for a topic (wired by the app)
     */
    public TopicsViewModel(I18n i18n, IngestPipeline ingest, java.util.function.Supplier<Optional<BrokerConnection>> monitor,
                           Executor background, Consumer<String> publishTo) {
        this.i18n = i18n;
        this.ingest = ingest;
        this.monitor = monitor;
        this.background = background;
        this.publishTo = publishTo;
        this.inspector = new InspectorViewModel(i18n, ingest, background);
        this.chart = new ChartViewModel(ingest);
        this.builtEpoch = ingest.epoch();
        this.seenEpoch = builtEpoch;
        search.addListener((obs, old, now) -> typedAtNanos = Long.MAX_VALUE);
        selected.addListener((obs, old, now) -> inspector.show(now == null ? null : now.getValue()));
    }

    public ReadOnlyObjectProperty<TreeItem<TopicItem>> shownRootProperty() {
        return shownRoot.getReadOnlyProperty();
    }

    /** The selected row; the view writes it, {@link #select} and the graph view set it too. */
    public ObjectProperty<TreeItem<TopicItem>> selectedProperty() {
        return selected;
    }

    /** The search box text: a substring or an MQTT filter, applied after a short pause in typing. */
    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty searchStatusProperty() {
        return searchStatus.getReadOnlyProperty();
    }

    /** The outcome of the last command (delete retained), in the user's language. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** Wall-clock milliseconds, ticking four times a second: flashes fade with it. */
    public ReadOnlyLongProperty clockProperty() {
        return clock.getReadOnlyProperty();
    }

    /**
     * Wall-clock milliseconds, ticking once a second: ages and rates are redrawn with it. Once, not four
     * times: every visible row repaints two cells per tick, and on a software pipeline that adds up.
     */
    public ReadOnlyLongProperty slowClockProperty() {
        return slowClock.getReadOnlyProperty();
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public ChartViewModel chart() {
        return chart;
    }

    I18n i18n() {
        return i18n;
    }

    public void onFrame(Frame frame) {
        long now = frame.nowNanos();
        if (typedAtNanos == Long.MAX_VALUE) {
            typedAtNanos = now; // the first frame after a key press starts the pause
        }
        if (seenEpoch != builtEpoch) {
            clearForAnotherBroker();
        }
        tree.apply(frame.changes());
        tree.showChanges(now);
        empty.set(tree.size() == 0);
        if (now - lastTickNanos >= CLOCK_TICK_NANOS) {
            lastTickNanos = now;
            clock.set(System.currentTimeMillis());
            if (clock.get() - slowClock.get() >= 1_000) {
                slowClock.set(clock.get());
            }
        }
        searchIfDue(now);
        TopicSearch.Result result = searchResult.getAndSet(null);
        if (result != null && result.search().equals(activeSearch)) {
            showSearchResult(result);
        }
        inspector.onFrame(now);
        chart.onFrame(frame.changes());
        seenEpoch = ingest.epoch();
    }

    /**
     * The monitor now watches another broker: the old broker's topics, selection and chart go. Changes
     * taken in the frame that saw the new epoch may have reached the old tree; resendAll brings them back.
     */
    private void clearForAnotherBroker() {
        builtEpoch = seenEpoch;
        selected.set(null);
        tree.clear();
        shownRoot.set(tree.root());
        chart.clear();
        ingest.resendAll();
        if (!activeSearch.isEmpty()) {
            typedAtNanos = 0; // the same search, at once, over the new broker's topics
        }
    }

    /**
     * Selects {@code topic} in the tree, opening the levels above it; a search that hides it is cleared.
     * For other views, e.g. the graph. Returns false for a topic not (yet) in the tree.
     */
    public boolean select(String topic) {
        Optional<TreeItem<TopicItem>> item = tree.item(topic);
        if (item.isEmpty()) {
            return false;
        }
        if (!activeSearch.isEmpty()) {
            search.set("");
            activeSearch = new TopicSearch("");
            typedAtNanos = -1;
            shownRoot.set(tree.root());
            searchStatus.set("");
        }
        tree.expandAncestors(item.get());
        selected.set(item.get());
        return true;
    }

    public void publishTo(String topic) {
        publishTo.accept(topic);
    }

    /** Adds the topic to the chart; the view shows the chart tab. */
    public void chart(String topic) {
        chart.add(topic);
    }

    /** The latest payload of {@code item}, if it received one. */
    public Optional<byte[]> payloadOf(TopicItem item) {
        return item.state() == null ? Optional.empty() : item.state().lastMessage().map(Message::payload);
    }

    /** The topics at or below {@code topic} that hold a retained message, asked of the ingest thread. */
    public CompletableFuture<List<String>> retainedUnder(String topic) {
        return ingest.query(t -> t.retainedTopicsUnder(topic));
    }

    /**
     * Deletes the retained message of each topic by publishing an empty retained message to it, one after
     * the other (a burst of publishes would overrun the broker's receive maximum, see LIBRARY_NOTES).
     */
    public CompletableFuture<Integer> deleteRetained(List<String> topics) {
        Optional<BrokerConnection> connection = monitor.get();
        if (connection.isEmpty()) {
            notice.set(i18n.text("topics.delete.notConnected"));
            return CompletableFuture.completedFuture(0);
        }
        CompletableFuture<Integer> chain = CompletableFuture.completedFuture(0);
        for (String topic : topics) {
            chain = chain.thenCompose(done -> connection.get().publish(topic, new byte[0], 1, true).thenApply(v -> done + 1));
        }
        return chain;
    }

    /** Sets the notice after a delete finished; called on the FX thread. */
    void reportDeleted(int deleted, Throwable error) {
        notice.set(error == null ? i18n.text("topics.delete.done", deleted)
                : i18n.text("topics.delete.failed", String.valueOf(error.getMessage())));
    }

    private void searchIfDue(long now) {
        String text = search.get();
        boolean typed = typedAtNanos >= 0 && now - typedAtNanos >= DEBOUNCE_NANOS;
        // While a search is shown, new topics may match: look again now and then, not every frame.
        boolean grown = !activeSearch.isEmpty() && tree.size() != sizeAtLastSearch && now - lastSearchNanos >= RESEARCH_NANOS;
        if (!typed && !grown) {
            return;
        }
        typedAtNanos = -1;
        lastSearchNanos = now;
        sizeAtLastSearch = tree.size();
        activeSearch = new TopicSearch(text);
        if (activeSearch.isEmpty()) {
            shownRoot.set(tree.root());
            searchStatus.set("");
            return;
        }
        searchStatus.set(i18n.text("topics.search.running"));
        TopicSearch searchNow = activeSearch;
        String[] topics = tree.topics();
        background.execute(() -> searchResult.set(searchNow.run(topics)));
    }

    private void showSearchResult(TopicSearch.Result result) {
        TreeItem<TopicItem> current = selected.get();
        TopicTreeModel.Filtered filtered = tree.filtered(result.shown());
        shownRoot.set(filtered.root());
        String kind = result.search().isMqttFilter() ? i18n.text("topics.search.filter")
                : result.search().looksLikeBadFilter() ? i18n.text("topics.search.badFilter") : i18n.text("topics.search.text");
        searchStatus.set(result.total() > result.shown().size()
                ? i18n.text("topics.search.capped", result.total(), result.shown().size(), kind)
                : i18n.text("topics.search.matches", result.total(), kind));
        // The same topic stays selected when the search runs again over new topics.
        selected.set(current == null ? null : filtered.items().get(current.getValue().topic()));
    }
}
