package org.brokerscope.ui.topics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.PayloadPreview;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;

/**
 * Latest value per topic, fed once per frame. Applies at most {@link #MAX_ROWS_PER_FRAME} changes per
 * frame and carries the rest over, so a burst over many topics cannot stall a frame.
 */
public final class TopicsViewModel {
    static final int MAX_ROWS_PER_FRAME = 2_000;
    private static final int PREVIEW_CHARS = 120;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final I18n i18n;
    private static final Comparator<TopicRow> BY_TOPIC = Comparator.comparing(TopicRow::topic);

    // Kept in topic order by inserting each new row at its place: a SortedList re-indexes its whole
    // mapping on every insert, O(n) each and O(n²) while 10,000 topics arrive (seen with JFR).
    private final ObservableList<TopicRow> rows = FXCollections.observableArrayList();
    private final Map<String, TopicRow> byTopic = new HashMap<>();
    private final Map<String, TopicSnapshot> pending = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);

    public TopicsViewModel(I18n i18n) {
        this.i18n = i18n;
    }

    public ObservableList<TopicRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public void onFrame(Frame frame) {
        pending.putAll(frame.changes());
        Iterator<TopicSnapshot> it = pending.values().iterator();
        for (int i = 0; i < MAX_ROWS_PER_FRAME && it.hasNext(); i++) {
            apply(it.next());
            it.remove();
        }
        empty.set(rows.isEmpty());
    }

    private void apply(TopicSnapshot snapshot) {
        TopicRow row = byTopic.get(snapshot.topic());
        if (row == null) {
            row = new TopicRow(snapshot.topic());
            byTopic.put(snapshot.topic(), row);
            int at = Collections.binarySearch(rows, row, BY_TOPIC);
            rows.add(at < 0 ? -at - 1 : at, row);
        }
        Message last = snapshot.lastMessageOrNull();
        if (last == null) {
            return;
        }
        row.update(preview(last.payload()), snapshot.messageCount(), last.retained(),
                TIME.format(Instant.ofEpochMilli(last.receivedAtMillis())));
    }

    private String preview(byte[] payload) {
        PayloadPreview.Preview p = PayloadPreview.of(payload, PREVIEW_CHARS);
        return switch (p.kind()) {
            case EMPTY -> i18n.text("payload.empty");
            case TEXT -> p.text();
            case BINARY -> i18n.text("payload.binary", p.sizeBytes());
        };
    }
}
