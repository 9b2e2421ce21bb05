package org.brokerscope.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brokerscope.domain.AtomicFiles;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One JSON file holding one value, written atomically. A file that cannot be read is moved aside as a
 * backup, never overwritten, and the caller is told where it went. That covers broken JSON, a value of the
 * wrong type ({@code "port": "abc"}, or {@code "language": 42}: no silent conversion), and a file written
 * by a newer version ({@code "version"} above {@link #FORMAT}), whose fields this version could misread
 * and would drop on its next save.
 */
public final class JsonFileStore<T> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** The file format this version writes, as {@code "version"}; files without one are format 1. */
    public static final int FORMAT = 1;
    private static final String VERSION = "version";
    private static final ObjectMapper MAPPER = strict(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));

    private final Path file;
    private final Class<T> type;
    private final Supplier<T> defaults;
    private final Clock clock;

    public JsonFileStore(Path file, Class<T> type, Supplier<T> defaults, Clock clock) {
        this.file = file;
        this.type = type;
        this.defaults = defaults;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Reads the file; a missing file gives the defaults, a corrupt one is backed up first. */
    public Loaded<T> load() throws IOException {
        if (!Files.exists(file)) {
            return new Loaded<>(defaults.get(), Optional.empty(), Optional.empty());
        }
        // Only a file we could read but not understand is corrupt; a read error (permissions) propagates.
        T value;
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                return corrupt("the file holds no JSON object");
            }
            JsonNode version = ((ObjectNode) root).remove(VERSION);
            if (version != null && !version.canConvertToInt()) {
                return corrupt("\"version\" must be a whole number, was " + version);
            }
            if (version != null && version.asInt() > FORMAT) {
                return corrupt("written by a newer Brokerscope (format " + version.asInt() + "; this one reads format "
                        + FORMAT + ")");
            }
            value = MAPPER.treeToValue(root, type);
        } catch (JacksonException | IllegalArgumentException e) {
            return corrupt(reason(e));
        }
        return value == null ? corrupt("the file holds no value") : new Loaded<>(value, Optional.empty(), Optional.empty());
    }

    /** Writes the value with its format version through {@link AtomicFiles}: a crash leaves the old file or the new. */
    public void save(T value) throws IOException {
        ObjectNode root = MAPPER.createObjectNode().put(VERSION, FORMAT);
        root.setAll((ObjectNode) MAPPER.valueToTree(value));
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(root));
    }

    // Jackson turns 42 into "42" and "true" into true by default: a hand-edited file with a wrong type
    // would load as something nobody wrote. Refuse instead, so the file is kept and the user told.
    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    private Loaded<T> corrupt(String why) throws IOException {
        return new Loaded<>(defaults.get(), Optional.of(backUp()), Optional.of(why));
    }

    private Path backUp() throws IOException {
        String name = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path backup = file.resolveSibling(name);
        for (int i = 1; Files.exists(backup); i++) {
            backup = file.resolveSibling(name + "-" + i);
        }
        return Files.move(file, backup);
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    /**
     * @param value              what was read, or the defaults
     * @param corruptFileBackup  where an unreadable file was moved, if it was
     * @param problem            why it was unreadable
     */
    public record Loaded<T>(T value, Optional<Path> corruptFileBackup, Optional<String> problem) {
    }
}
