package org.brokerscope.ui.publish;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The last {@value #CAPACITY} sent messages, newest first; older ones fall off so a long repeat cannot grow the heap. */
final class PublishHistory {
    static final int CAPACITY = 500;
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();

    ObservableList<HistoryEntry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    void add(HistoryEntry entry) {
        entries.addFirst(entry);
        if (entries.size() > CAPACITY) {
            entries.remove(CAPACITY, entries.size());
        }
    }
}
