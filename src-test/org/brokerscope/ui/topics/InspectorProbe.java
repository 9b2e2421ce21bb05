package org.brokerscope.ui.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import javafx.scene.control.TreeItem;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.ui.I18n;

/**
 * Drives the real inspector view model from tests outside this package: shows a message as if its topic
 * were selected, renders it in every mode, reads lines and opens the JSON tree the way the view would.
 */
public final class InspectorProbe {
    private final InspectorViewModel model;
    private Message previous;

    public InspectorProbe(IngestPipeline ingest) {
        // Same-thread background work: "Show all" completes before the next frame is taken.
        this.model = new InspectorViewModel(I18n.forLanguage("en"), ingest, Runnable::run);
    }

    /** What the inspector showed for one message: the detected mode, its number, and the notes of every mode. */
    public record Shown(String detectedMode, OptionalDouble number, List<String> notes, String textNote) {
    }

    public Shown show(Message m) {
        TopicItem item = new TopicItem(m.topic().substring(m.topic().lastIndexOf('/') + 1), m.topic());
        item.update(new TopicSnapshot(m.topic(), m, 1, 1, 1, 0, 0, m.receivedAtNanos(), m.receivedAtMillis(), false, 1));
        model.show(item);
        PayloadMode detected = model.modeProperty().get();
        OptionalDouble number = model.renderingProperty().get().number();
        List<String> notes = new ArrayList<>();
        String textNote = "";
        for (PayloadMode mode : PayloadMode.values()) {
            model.modeProperty().set(mode);
            PayloadRendering r = model.renderingProperty().get();
            touch(r);
            if (r.canShowAll()) {
                model.showAll();
                model.onFrame(Long.MAX_VALUE);
                touch(model.renderingProperty().get());
            }
            notes.add(r.note());
            if (mode == PayloadMode.TEXT) {
                textNote = r.note();
            }
        }
        if (previous != null) {
            model.compare(previous, m);
        }
        previous = m;
        return new Shown(detected.name(), number, notes, textNote);
    }

    // What a cell would ask for: the first and last lines, and the first two levels of the JSON tree.
    private static void touch(PayloadRendering r) {
        if (!r.lines().isEmpty()) {
            r.lines().get(0);
            r.lines().get(r.lines().size() - 1);
        }
        if (r.json() != null) {
            for (TreeItem<String> child : r.json().getChildren()) {
                child.getChildren().size();
            }
        }
    }
}
