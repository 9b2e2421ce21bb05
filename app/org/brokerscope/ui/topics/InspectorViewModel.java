package org.brokerscope.ui.topics;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.domain.HistoryLimits;
import org.brokerscope.domain.LineDiff;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.PayloadText;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.ui.I18n;

/**
 * The inspector of the selected topic: its latest payload in a detected or chosen mode, its metadata,
 * its history and a diff of two history entries. A busy topic is re-rendered at most
 * {@link #REFRESHES_PER_SECOND} times a second, not once per message.
 */
public final class InspectorViewModel {
    static final int REFRESHES_PER_SECOND = 4;
    private static final long REFRESH_NANOS = 1_000_000_000L / REFRESHES_PER_SECOND;

    private final IngestPipeline ingest;
    private final Executor background;
    private final PayloadRenderer renderer;
    private final MessageDetails details;
    private final ReadOnlyObjectWrapper<TopicItem> item = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<PayloadMode> mode = new SimpleObjectProperty<>(PayloadMode.TEXT);
    private final ReadOnlyObjectWrapper<PayloadRendering> rendering = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper sizeBadge = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<MessageDetails.Detail> metadata = FXCollections.observableArrayList();
    // One read-only view, kept: a listener on a wrapper made per call is lost when the wrapper is collected.
    private final ObservableList<MessageDetails.Detail> metadataView = FXCollections.unmodifiableObservableList(metadata);
    private final ObservableList<Message> history = FXCollections.observableArrayList();
    // One read-only view, kept: a listener on a wrapper made per call is lost when the wrapper is collected.
    private final ObservableList<Message> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableList<LineDiff.Line> diff = FXCollections.observableArrayList();
    // One read-only view, kept: a listener on a wrapper made per call is lost when the wrapper is collected.
    private final ObservableList<LineDiff.Line> diffView = FXCollections.unmodifiableObservableList(diff);
    private final ReadOnlyStringWrapper diffNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<double[]> sparkline = new ReadOnlyObjectWrapper<>(new double[0]);
    private final ObjectProperty<Integer> historyEntries = new SimpleObjectProperty<>(HistoryLimits.DEFAULT_ENTRIES);
    private final AtomicReference<List<Message>> fetchedHistory = new AtomicReference<>();
    private final AtomicReference<PayloadRendering> fullRendering = new AtomicReference<>();
    private long lastRefreshNanos;
    private long lastHistoryNanos;
    private boolean modeChosenByUser;
    private boolean settingMode;

    InspectorViewModel(I18n i18n, IngestPipeline ingest, Executor background) {
        this.ingest = ingest;
        this.background = background;
        this.renderer = new PayloadRenderer(i18n);
        this.details = new MessageDetails(i18n);
        mode.addListener((obs, old, now) -> {
            if (!settingMode && now != null) {
                modeChosenByUser = true;
                render();
            }
        });
        historyEntries.addListener((obs, old, now) -> {
            if (now != null && now > 0) {
                ingest.setHistoryEntries(now);
            }
        });
    }

    public ReadOnlyObjectProperty<TopicItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    /** The message shown: the selected topic's latest. */
    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The payload mode; detected per message until the user picks one. */
    public ObjectProperty<PayloadMode> modeProperty() {
        return mode;
    }

    public ReadOnlyObjectProperty<PayloadRendering> renderingProperty() {
        return rendering.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeBadgeProperty() {
        return sizeBadge.getReadOnlyProperty();
    }

    /**
     * For a level with no message of its own ({@code maison} above {@code maison/salon/temperature}): its
     * subtree in numbers, refreshed with the inspector; empty when the level has a message to show.
     */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<MessageDetails.Detail> metadata() {
        return metadataView;
    }

    /** The selected topic's last messages, newest first. */
    public ObservableList<Message> history() {
        return historyView;
    }

    public ObservableList<LineDiff.Line> diff() {
        return diffView;
    }

    public ReadOnlyStringProperty diffNoteProperty() {
        return diffNote.getReadOnlyProperty();
    }

    /** Numeric values of the history, oldest first, for the sparkline of a number payload. */
    public ReadOnlyObjectProperty<double[]> sparklineProperty() {
        return sparkline.getReadOnlyProperty();
    }

    /** How many messages every topic keeps (N); applied by the ingest thread to new messages. */
    public ObjectProperty<Integer> historyEntriesProperty() {
        return historyEntries;
    }

    void show(TopicItem selected) {
        item.set(selected);
        modeChosenByUser = false;
        history.clear();
        diff.clear();
        diffNote.set("");
        lastHistoryNanos = 0;
        summary.set(summaryOf(selected));
        showMessage(selected == null || selected.state() == null ? null : selected.state().lastMessageOrNull());
        fetchHistory();
    }

    /** Decodes the whole payload off the FX thread; it is shown with the next frame. */
    public void showAll() {
        Message m = message.get();
        PayloadMode current = mode.get();
        if (m != null) {
            background.execute(() -> fullRendering.set(renderer.render(m.payload(), current, true)));
        }
    }

    /** Compares two history entries: structurally when both are JSON, line by line otherwise. */
    public void compare(Message before, Message after) {
        JsonPayload.Parsed a = renderer.json().parse(before.payload());
        JsonPayload.Parsed b = renderer.json().parse(after.payload());
        LineDiff.Result result;
        if (a.ok() && b.ok()) {
            result = new LineDiff.Result(JsonPayload.diff(a.node(), b.node()), true);
            diffNote.set(details.text("inspector.diff.json", result.lines().size()));
        } else {
            result = LineDiff.of(PayloadText.utf8(before.payload(), PayloadRenderer.TEXT_PREVIEW_BYTES).text(),
                    PayloadText.utf8(after.payload(), PayloadRenderer.TEXT_PREVIEW_BYTES).text());
            diffNote.set(details.text(result.exact() ? "inspector.diff.lines" : "inspector.diff.approximate",
                    result.lines().stream().filter(l -> l.change() != LineDiff.Change.SAME).count()));
        }
        diff.setAll(result.lines());
    }

    void onFrame(long now) {
        PayloadRendering full = fullRendering.getAndSet(null);
        if (full != null) {
            rendering.set(full);
        }
        List<Message> fetched = fetchedHistory.getAndSet(null);
        if (fetched != null) {
            history.setAll(fetched.reversed());
            sparkline.set(fetched.stream().map(m -> PayloadText.number(m.payload()))
                    .filter(java.util.OptionalDouble::isPresent).mapToDouble(java.util.OptionalDouble::getAsDouble).toArray());
        }
        TopicItem current = item.get();
        if (current == null || now - lastRefreshNanos < REFRESH_NANOS) {
            return;
        }
        lastRefreshNanos = now;
        summary.set(summaryOf(current));
        TopicSnapshot state = current.state();
        if (state == null) {
            return;
        }
        Message latest = state.lastMessageOrNull();
        if (latest != null && latest != message.get() && (message.get() == null || latest.receivedAtNanos() > message.get().receivedAtNanos())) {
            showMessage(latest);
            if (now - lastHistoryNanos >= 2 * REFRESH_NANOS) {
                lastHistoryNanos = now;
                fetchHistory();
            }
        }
    }

    private String summaryOf(TopicItem level) {
        if (level == null || level.topic().isEmpty()) {
            return "";
        }
        TopicSnapshot s = level.state();
        if (s == null) {
            return details.text("inspector.summary.waiting", level.topic());
        }
        if (s.lastMessageOrNull() != null) {
            return "";
        }
        return details.text("inspector.summary", level.topic(), s.subtreeTopicCount(), s.subtreeMessageCount(),
                TopicCells.rate(s.subtreeRateAt(System.nanoTime())),
                MessageDetails.TIME.format(java.time.Instant.ofEpochMilli(s.subtreeLastMillis())),
                TopicCells.age(s.subtreeLastMillis(), System.currentTimeMillis()));
    }

    private void fetchHistory() {
        TopicItem current = item.get();
        if (current != null) {
            ingest.history(current.topic()).thenAccept(fetchedHistory::set);
        }
    }

    private void showMessage(Message m) {
        message.set(m);
        metadata.setAll(m == null ? List.of() : details.of(m));
        sizeBadge.set(m == null ? "" : Sizes.human(m.payloadSize()));
        if (m != null && !modeChosenByUser) {
            settingMode = true;
            mode.set(renderer.detect(m.payload()));
            settingMode = false;
        }
        render();
    }

    private void render() {
        Message m = message.get();
        rendering.set(m == null ? null : renderer.render(m.payload(), mode.get(), false));
    }
}
