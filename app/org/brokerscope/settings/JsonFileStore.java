package org.brokerscope.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One JSON file holding one value, written atomically. A file that cannot be read is moved aside as a
 * backup, never overwritten, and the caller is told where it went.
 */
public final class JsonFileStore<T> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
            value = MAPPER.readValue(file.toFile(), type);
        } catch (JacksonException | IllegalArgumentException e) {
            return corrupt(reason(e));
        }
        return value == null ? corrupt("the file holds no value") : new Loaded<>(value, Optional.empty(), Optional.empty());
    }

    /** Writes to a temporary file beside the target, then renames it over the target in one step. */
    public void save(T value) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            MAPPER.writeValue(temp.toFile(), value);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
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
