package org.brokerscope.ui.topics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.PayloadText;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.ingest.IngestPipeline;

/**
 * The chart: several topics (or numeric JSON fields) over time. A series starts with the topic's
 * history and then takes the latest value of each frame, so a topic faster than the frame rate is
 * sampled at about 60 points a second.
 */
public final class ChartViewModel {
    private final IngestPipeline ingest;
    private final JsonPayload json = new JsonPayload();
    private final ObservableList<ChartSeries> series = FXCollections.observableArrayList();
    // One read-only view, kept: a listener on a wrapper made per call is lost when the wrapper is collected.
    private final ObservableList<ChartSeries> seriesView = FXCollections.unmodifiableObservableList(series);
    private final ConcurrentLinkedQueue<Seed> seeds = new ConcurrentLinkedQueue<>();
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();

    private record Seed(ChartSeries series, List<Message> history) {
    }

    ChartViewModel(IngestPipeline ingest) {
        this.ingest = ingest;
    }

    public ObservableList<ChartSeries> series() {
        return seriesView;
    }

    /** Changes whenever a point was added: the canvas redraws then, at most once per frame. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** Charts a topic: its payload as a number, or its first numeric JSON field. */
    public void add(String topic) {
        ingest.history(topic).thenAccept(history -> {
            String field = history.isEmpty() ? "" : firstField(history.getLast().payload());
            seeds.add(new Seed(new ChartSeries(topic, field), history));
        });
    }

    /** Charts one numeric field of a JSON topic, given as a JSON Pointer ({@code /temperature}). */
    public void add(String topic, String field) {
        ingest.history(topic).thenAccept(history -> seeds.add(new Seed(new ChartSeries(topic, field), history)));
    }

    public void remove(ChartSeries s) {
        series.remove(s);
        version.set(version.get() + 1);
    }

    public void clear() {
        series.clear();
        version.set(version.get() + 1);
    }

    void onFrame(Map<String, TopicSnapshot> changes) {
        boolean changed = false;
        for (Seed seed = seeds.poll(); seed != null; seed = seeds.poll()) {
            changed |= addSeed(seed);
        }
        for (ChartSeries s : series) {
            TopicSnapshot snapshot = changes.get(s.topic());
            if (snapshot != null && snapshot.lastMessageOrNull() != null) {
                changed |= addPoint(s, snapshot.lastMessageOrNull());
            }
        }
        if (changed) {
            version.set(version.get() + 1);
        }
    }

    /** Writes every point as {@code series,time,value} rows, time in ISO-8601 UTC. */
    public void exportCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("series,time,value\n");
            for (ChartSeries s : series) {
                String label = "\"" + s.label().replace("\"", "\"\"") + "\"";
                for (int i = 0; i < s.size(); i++) {
                    out.write(label + "," + Instant.ofEpochMilli(s.timeAt(i)) + "," + s.valueAt(i) + "\n");
                }
            }
        }
    }

    private boolean addSeed(Seed seed) {
        ChartSeries added = seed.series();
        if (series.stream().anyMatch(s -> s.topic().equals(added.topic()) && s.field().equals(added.field()))) {
            return false;
        }
        seed.history().forEach(m -> addPoint(added, m));
        series.add(added);
        return true;
    }

    private boolean addPoint(ChartSeries s, Message m) {
        OptionalDouble value = s.field().isEmpty() ? PayloadText.number(m.payload()) : json.number(m.payload(), s.field());
        if (value.isEmpty()) {
            return false;
        }
        int before = s.size();
        s.add(m.receivedAtNanos(), m.receivedAtMillis(), value.getAsDouble());
        return s.size() != before;
    }

    private String firstField(byte[] payload) {
        if (PayloadText.number(payload).isPresent()) {
            return "";
        }
        JsonPayload.Parsed parsed = json.parse(payload);
        return parsed.ok() ? JsonPayload.firstNumericField(parsed.node()).orElse("") : "";
    }
}
