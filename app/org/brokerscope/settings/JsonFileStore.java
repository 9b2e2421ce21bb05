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
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.brokerscope.domain.AtomicFiles;
import java.time.Clock;
import java.time.Duration;
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
 *
 * <p>A file that cannot be read at all (a folder in its place, no read permission, a parent that is not a
 * folder) is another matter: its content may be fine, so it is neither moved nor overwritten. The defaults
 * are used, {@link Loaded#unreadable()} says so, and {@link #save} refuses until a later {@link #load}
 * reads the file again: a save would replace a file the user may well want back.
 *
 * <p>Each load first deletes the temporary files a killed save left beside the file (see
 * {@link AtomicFiles#deleteLeftovers}) once they are a minute old. The stores all live in the config folder,
 * so that is the only folder cleaned.
 */
public final class JsonFileStore<T> {
    private static final System.Logger LOG = System.getLogger(JsonFileStore.class.getName());
    // A save takes milliseconds: a temporary file untouched for a minute is nobody's, not even another
    // Brokerscope's sharing the folder.
    private static final Duration LEFTOVER_AGE = Duration.ofMinutes(1);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** The file format this version writes, as {@code "version"}; files without one are format 1. */
    public static final int FORMAT = 1;
    private static final String VERSION = "version";
    private static final ObjectMapper MAPPER = strict(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));

    private final Path file;
    private final Class<T> type;
    private final Supplier<T> defaults;
    private final Clock clock;
    // Why the last load could not read the file; while set, saves are refused rather than replacing it.
    private volatile String unreadable;

    public JsonFileStore(Path file, Class<T> type, Supplier<T> defaults, Clock clock) {
        this.file = file;
        this.type = type;
        this.defaults = defaults;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /**
     * Reads the file; a missing file gives the defaults, a corrupt one is backed up first, and one that
     * cannot be read gives the defaults and is left where it is.
     *
     * <p>Nothing about the file makes this fail: a corrupt file that cannot even be moved aside is left in
     * place like an unreadable one. The {@code throws} clause stays for the stores built on this one.
     */
    public Loaded<T> load() throws IOException {
        deleteLeftovers();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            unreadable = null;
            return new Loaded<>(defaults.get(), Optional.empty(), Optional.empty());
        } catch (IOException e) {
            unreadable = readError(e);
            return new Loaded<>(defaults.get(), Optional.empty(), Optional.of(unreadable));
        }
        unreadable = null;
        // Only a file we could read but not understand is corrupt.
        T value;
        try {
            JsonNode root = MAPPER.readTree(content);
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

    /**
     * Writes the value with its format version through {@link AtomicFiles}: a crash leaves the old file or the new.
     *
     * @throws IOException also when the last {@link #load} could not read the file, which is then left as it is
     */
    public void save(T value) throws IOException {
        String why = unreadable;
        if (why != null) {
            throw new IOException("Not saved: " + file + " could not be read (" + why
                    + "), so it is left as it is rather than replaced. Fix or remove it; it is read again at the next start.");
        }
        ObjectNode root = MAPPER.createObjectNode().put(VERSION, FORMAT);
        root.setAll((ObjectNode) MAPPER.valueToTree(value));
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(root));
    }

    private void deleteLeftovers() {
        try {
            for (Path leftover : AtomicFiles.deleteLeftovers(file, clock.instant().minus(LEFTOVER_AGE))) {
                LOG.log(System.Logger.Level.INFO, "Deleted {0}, left by a save that was interrupted", leftover);
            }
        } catch (IOException e) {
            // Only tidying: the read that follows reports whatever matters to the user.
            LOG.log(System.Logger.Level.WARNING, "Cannot look for leftover temporary files beside {0}: {1}", file, e.toString());
        }
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

    // A file that cannot be moved aside (a read-only folder) is kept from harm like one that cannot be read:
    // left in place, defaults used, saves refused. Failing here would stop the app from starting at all.
    private Loaded<T> corrupt(String why) {
        try {
            return new Loaded<>(defaults.get(), Optional.of(backUp()), Optional.of(why));
        } catch (IOException e) {
            unreadable = why + "; it could not be moved aside (" + readError(e) + ")";
            LOG.log(System.Logger.Level.WARNING, "{0} is unreadable and stays in place: {1}", file, unreadable);
            return new Loaded<>(defaults.get(), Optional.empty(), Optional.of(unreadable));
        }
    }

    private Path backUp() throws IOException {
        String name = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path backup = file.resolveSibling(name);
        for (int i = 1; Files.exists(backup); i++) {
            backup = file.resolveSibling(name + "-" + i);
        }
        return Files.move(file, backup);
    }

    // The OS's words without the path, which the caller shows beside the file's name anyway.
    private static String readError(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return reason(e);
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    /**
     * @param value              what was read, or the defaults
     * @param corruptFileBackup  where a corrupt file was moved, if it was
     * @param problem            why the file was corrupt or could not be read
     */
    public record Loaded<T>(T value, Optional<Path> corruptFileBackup, Optional<String> problem) {
        /** The file is there but could not be read at all: it was left in place and saves are refused. */
        public boolean unreadable() {
            return problem.isPresent() && corruptFileBackup.isEmpty();
        }
    }
}
