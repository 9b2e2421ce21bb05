package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    private static final Instant CUT_OFF = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path folder;

    @Test
    void leftoversUntouchedSinceTheCutOffAreDeletedAndNothingElse() throws IOException {
        Path file = Files.writeString(folder.resolve("settings.json"), "{}");
        // Made by the same call write() uses, so the names are the ones a killed save leaves.
        Path stale1 = aged(AtomicFiles.newTempFile(file), 3_600);
        Path stale2 = aged(AtomicFiles.newTempFile(file), 61);
        Path recent = aged(AtomicFiles.newTempFile(file), -1);
        List<Path> notOurs = List.of(
                aged(Files.writeString(folder.resolve("settings.json.corrupt-20261203-110000"), "x"), 3_600),
                aged(Files.writeString(folder.resolve("settings.json.tmp"), "x"), 3_600),
                aged(Files.writeString(folder.resolve("settings.jsonbackup.tmp"), "x"), 3_600),
                aged(Files.writeString(folder.resolve("settings.json123.tmp.bak"), "x"), 3_600),
                aged(Files.writeString(folder.resolve("profiles.json123.tmp"), "x"), 3_600),
                aged(Files.createDirectory(folder.resolve("settings.json456.tmp")), 3_600),
                aged(Files.writeString(Files.createDirectory(folder.resolve("sub")).resolve("settings.json789.tmp"), "x"), 3_600));

        List<Path> deleted = AtomicFiles.deleteLeftovers(file, CUT_OFF);

        assertEquals(List.of(stale1, stale2).stream().sorted().toList(), deleted.stream().sorted().toList());
        assertTrue(Files.exists(recent), "a temporary file touched after the cut-off may be a save in progress");
        assertEquals("{}", Files.readString(file));
        for (Path other : notOurs) {
            assertTrue(Files.exists(other), other + " is not a leftover of settings.json");
        }
    }

    @Test
    void aKilledWritesNameIsTheOneLookedFor() throws IOException {
        Path file = folder.resolve("rooms.json");
        Path temp = AtomicFiles.newTempFile(file);

        assertTrue(temp.getFileName().toString().matches("rooms\\.json[0-9]+\\.tmp"), temp.getFileName().toString());
    }

    @Test
    void aMissingFolderHasNoLeftovers() throws IOException {
        assertEquals(List.of(), AtomicFiles.deleteLeftovers(folder.resolve("not-yet/settings.json"), CUT_OFF));
    }

    @Test
    void writeLeavesOnlyTheFile() throws IOException {
        Path file = folder.resolve("settings.json");
        AtomicFiles.write(file, new byte[] {'{', '}'});
        AtomicFiles.write(file, new byte[] {'[', ']'});

        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(file), left.toList());
        }
        assertEquals("[]", Files.readString(file));
    }

    private static Path aged(Path path, long secondsBeforeCutOff) throws IOException {
        return Files.setLastModifiedTime(path, FileTime.from(CUT_OFF.minusSeconds(secondsBeforeCutOff)));
    }
}
