package org.brokerscope.domain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces a file's content all at once: a temporary file beside it is written and forced to disk, then
 * renamed over the target in one step, then the folder is forced so the rename itself survives a power
 * cut. Killing the process at any moment leaves either the old file or the new one, never half of one,
 * but may leave the temporary file beside it: {@link #deleteLeftovers} removes those.
 */
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = newTempFile(file);
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Deletes the temporary files that {@link #write} left beside {@code file} when it was killed before its
     * rename, and that nobody has touched since {@code untouchedSince}: a younger one may be another
     * process's save in progress. Only names {@code write} makes are candidates ({@code settings.json}
     * gives {@code settings.json<digits>.tmp}); a missing folder has none.
     *
     * @return the files deleted
     */
    public static List<Path> deleteLeftovers(Path file, Instant untouchedSince) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Pattern ours = Pattern.compile(Pattern.quote(file.getFileName().toString()) + "[0-9]+" + Pattern.quote(TEMP_SUFFIX));
        List<Path> deleted = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, p -> ours.matcher(p.getFileName().toString()).matches())) {
            for (Path temp : found) {
                BasicFileAttributes seen = Files.readAttributes(temp, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (seen.isRegularFile() && seen.lastModifiedTime().toInstant().isBefore(untouchedSince)
                        && Files.deleteIfExists(temp)) {
                    deleted.add(temp);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return deleted;
    }

    // The one place temporary names are made, so deleteLeftovers recognises them. The JDK names it
    // prefix + unsigned random long + suffix.
    static Path newTempFile(Path file) throws IOException {
        return Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), TEMP_SUFFIX);
    }

    // Linux and macOS can force a folder; Windows cannot open one, and its rename is durable enough.
    private static void forceFolder(Path dir) {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // Best effort only: the content itself is already on disk.
        }
    }
}
