package org.brokerscope.ui.topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import org.brokerscope.domain.LineDiff;

/**
 * JSON payloads: parsing (Jackson refuses documents nested deeper than 1,000 levels, so a 10,000-deep
 * payload becomes a clear message, not a stack overflow), pretty-printing, a lazily built tree, numeric
 * fields for the chart, and a structural diff.
 */
final class JsonPayload {
    /** Bigger payloads are shown as text: a tree of millions of values helps nobody and costs seconds. */
    static final int MAX_PARSED_BYTES = 1 << 20;
    private final ObjectMapper mapper = new ObjectMapper();

    /** The parsed document, or the reason it is not JSON in the user's terms ({@code error}). */
    record Parsed(JsonNode node, String error) {
        boolean ok() {
            return node != null;
        }
    }

    Parsed parse(byte[] payload) {
        if (payload.length > MAX_PARSED_BYTES) {
            return new Parsed(null, "too large");
        }
        int first = 0;
        while (first < payload.length && Character.isWhitespace(payload[first])) {
            first++;
        }
        if (first == payload.length || (payload[first] != '{' && payload[first] != '[')) {
            return new Parsed(null, "not an object or array");
        }
        try {
            return new Parsed(mapper.readTree(payload), null);
        } catch (IOException | RuntimeException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return new Parsed(null, String.valueOf(message));
        }
    }

    String pretty(JsonNode node) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    /** A tree item whose children are made when it is first opened. */
    static TreeItem<String> tree(String label, JsonNode node) {
        return new LazyJsonItem(label, node);
    }

    /** JSON Pointers ({@code /sensor/temp}) of the numeric leaves, for the chart's field choice; at most 200. */
    static List<String> numericFields(JsonNode node) {
        List<String> out = new ArrayList<>();
        collectNumeric(node, "", out);
        return out;
    }

    private static void collectNumeric(JsonNode node, String path, List<String> out) {
        if (out.size() >= 200) {
            return;
        }
        if (node.isNumber()) {
            out.add(path);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            collectNumeric(e.getValue(), path + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            collectNumeric(node.get(i), path + "/" + i, out);
        }
    }

    OptionalDouble number(byte[] payload, String pointer) {
        Parsed p = parse(payload);
        if (!p.ok()) {
            return OptionalDouble.empty();
        }
        JsonNode value = p.node().at(pointer);
        return value.isNumber() ? OptionalDouble.of(value.asDouble()) : OptionalDouble.empty();
    }

    /** Paths removed, added or changed between two documents, one line each, like a line diff. */
    static List<LineDiff.Line> diff(JsonNode before, JsonNode after) {
        List<LineDiff.Line> out = new ArrayList<>();
        diff("", before, after, out);
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<LineDiff.Line> out) {
        if (a.isObject() && b.isObject()) {
            a.properties().forEach(e -> {
                JsonNode other = b.get(e.getKey());
                if (other == null) {
                    out.add(new LineDiff.Line(LineDiff.Change.REMOVED, path + "/" + e.getKey() + ": " + e.getValue()));
                } else {
                    diff(path + "/" + e.getKey(), e.getValue(), other, out);
                }
            });
            b.properties().forEach(e -> {
                if (!a.has(e.getKey())) {
                    out.add(new LineDiff.Line(LineDiff.Change.ADDED, path + "/" + e.getKey() + ": " + e.getValue()));
                }
            });
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                if (i >= b.size()) {
                    out.add(new LineDiff.Line(LineDiff.Change.REMOVED, path + "/" + i + ": " + a.get(i)));
                } else if (i >= a.size()) {
                    out.add(new LineDiff.Line(LineDiff.Change.ADDED, path + "/" + i + ": " + b.get(i)));
                } else {
                    diff(path + "/" + i, a.get(i), b.get(i), out);
                }
            }
        } else if (!a.equals(b)) {
            String where = path.isEmpty() ? "/" : path;
            out.add(new LineDiff.Line(LineDiff.Change.REMOVED, where + ": " + a));
            out.add(new LineDiff.Line(LineDiff.Change.ADDED, where + ": " + b));
        }
    }

    private static final class LazyJsonItem extends TreeItem<String> {
        private final JsonNode node;
        private boolean built;

        LazyJsonItem(String label, JsonNode node) {
            super(node.isContainerNode() ? label + (node.isArray() ? " [" + node.size() + "]" : " {" + node.size() + "}")
                    : label + ": " + node);
            this.node = node;
        }

        @Override
        public boolean isLeaf() {
            return !node.isContainerNode() || node.isEmpty();
        }

        @Override
        public ObservableList<TreeItem<String>> getChildren() {
            if (!built) {
                built = true;
                List<TreeItem<String>> kids = new ArrayList<>();
                node.properties().forEach(e -> kids.add(new LazyJsonItem(e.getKey(), e.getValue())));
                for (int i = 0; node.isArray() && i < node.size(); i++) {
                    kids.add(new LazyJsonItem("[" + i + "]", node.get(i)));
                }
                super.getChildren().setAll(kids);
            }
            return super.getChildren();
        }
    }

    static Optional<String> firstNumericField(JsonNode node) {
        List<String> fields = numericFields(node);
        return fields.isEmpty() ? Optional.empty() : Optional.of(fields.get(0));
    }
}
