package org.brokerscope.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.brokerscope.settings.JsonFileStore.Loaded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFileStoreTest {
    // A fixed clock makes the backup name predictable: settings.json.corrupt-20250314-092653.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T09:26:53Z"), ZoneOffset.UTC);
    private static final String BACKUP_NAME = "settings.json.corrupt-20250314-092653";

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("settings.json");
    }

    private JsonFileStore<AppSettings> store() {
        return new JsonFileStore<>(file(), AppSettings.class, AppSettings::defaults, CLOCK);
    }

    @Test
    void aMissingFileGivesTheDefaultsAndNoProblem() throws IOException {
        Loaded<AppSettings> loaded = store().load();

        assertEquals(AppSettings.defaults(), loaded.value());
        assertTrue(loaded.corruptFileBackup().isEmpty());
        assertTrue(loaded.problem().isEmpty());
        assertFalse(Files.exists(file()), "loading must not create the file");
    }

    @Test
    void whatIsSavedLoadsBackEqual() throws IOException {
        AppSettings settings = new AppSettings("fr", 1884, false);

        store().save(settings);
        Loaded<AppSettings> loaded = store().load();

        assertEquals(settings, loaded.value());
        assertTrue(loaded.problem().isEmpty());
    }

    @Test
    void saveCreatesMissingFoldersAndReplacesTheOldFile() throws IOException {
        Path nested = folder.resolve("a/b/settings.json");
        JsonFileStore<AppSettings> store = new JsonFileStore<>(nested, AppSettings.class, AppSettings::defaults, CLOCK);

        store.save(new AppSettings("en", 1883, true));
        store.save(new AppSettings("fr", 0, false));

        assertEquals(new AppSettings("fr", 0, false), store.load().value());
    }

    @Test
    void saveLeavesNoTemporaryFilesBehind() throws IOException {
        store().save(AppSettings.defaults());
        store().save(new AppSettings("en", 2000, false));

        assertEquals(List.of("settings.json"), fileNames());
    }

    @Test
    void unknownFieldsFromANewerVersionAreAccepted() throws IOException {
        Files.writeString(file(), """
                {"language": "fr", "embeddedBrokerPort": 1885, "demoSensors": false,
                 "theme": "dark", "windows": {"main": [10, 20]}}
                """);

        Loaded<AppSettings> loaded = store().load();

        assertEquals(new AppSettings("fr", 1885, false), loaded.value());
        assertTrue(loaded.problem().isEmpty(), () -> "unexpected problem: " + loaded.problem());
        assertTrue(Files.exists(file()), "a readable file must stay where it is");
    }

    @Test
    void fieldsAnOlderFileLacksTakeTheirDefaults() throws IOException {
        Files.writeString(file(), "{\"language\": \"fr\"}");

        Loaded<AppSettings> loaded = store().load();

        assertEquals(new AppSettings("fr", AppSettings.defaults().embeddedBrokerPort(),
                AppSettings.defaults().demoSensors()), loaded.value());
        assertTrue(loaded.problem().isEmpty(), () -> "unexpected problem: " + loaded.problem());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"language\": \"fr\", \"embeddedBrokerPort\": ",     // cut off mid-write
        "{\"language\": \"fr\", \"embeddedBrokerPort\": 70000}", // valid JSON, port out of range
        "null",                                                 // valid JSON, no value
        "",                                                     // empty file
        "[1, 2, 3]",                                            // the wrong shape
    })
    void aCorruptFileIsBackedUpByteForByteAndTheDefaultsAreUsed(String content) throws IOException {
        byte[] broken = content.getBytes(StandardCharsets.UTF_8);
        Files.write(file(), broken);

        Loaded<AppSettings> loaded = store().load();

        assertEquals(AppSettings.defaults(), loaded.value());
        Path backup = loaded.corruptFileBackup().orElseThrow(() -> new AssertionError("no backup was made"));
        assertEquals(folder.resolve(BACKUP_NAME), backup);
        assertArrayEquals(broken, Files.readAllBytes(backup), "the backup must hold the exact bytes");
        assertFalse(Files.exists(file()) && content.equals(Files.readString(file())),
                "the broken content must no longer sit at the original path");
        assertFalse(loaded.problem().orElse("").isBlank(), "the user must be told why");
    }

    @Test
    void aSecondCorruptFileInTheSameSecondDoesNotOverwriteTheFirstBackup() throws IOException {
        Files.writeString(file(), "{first");
        Path first = store().load().corruptFileBackup().orElseThrow();
        Files.writeString(file(), "{second");
        Path second = store().load().corruptFileBackup().orElseThrow();

        assertFalse(first.equals(second), "both backups need their own name");
        assertEquals("{first", Files.readString(first));
        assertEquals("{second", Files.readString(second));
    }

    @Test
    void afterABackupASaveWritesAFreshFileThatLoadsCleanly() throws IOException {
        Files.writeString(file(), "not json");
        JsonFileStore<AppSettings> store = store();
        AppSettings recovered = store.load().value();

        store.save(recovered);
        Loaded<AppSettings> again = store.load();

        assertEquals(recovered, again.value());
        assertTrue(again.problem().isEmpty());
        assertEquals(List.of("settings.json", BACKUP_NAME), fileNames());
    }

    @Test
    void aFolderWhereTheFileShouldBeGivesTheDefaultsAndIsNeitherMovedNorSavedOver() throws IOException {
        Files.createDirectories(file());
        Files.writeString(file().resolve("keep-me.txt"), "the user's");
        JsonFileStore<AppSettings> store = store();

        Loaded<AppSettings> loaded = store.load();

        assertEquals(AppSettings.defaults(), loaded.value());
        assertTrue(loaded.unreadable());
        assertTrue(loaded.corruptFileBackup().isEmpty(), "nothing is moved aside");
        assertEquals("Is a directory", loaded.problem().orElseThrow());
        IOException refused = assertThrows(IOException.class, () -> store.save(new AppSettings("fr", 1884, false)));
        assertTrue(refused.getMessage().startsWith("Not saved: " + file()), refused.getMessage());
        assertTrue(Files.isDirectory(file()));
        assertEquals("the user's", Files.readString(file().resolve("keep-me.txt")));
        assertEquals(List.of("settings.json"), fileNames(), "no backup and no temporary file");
    }

    @Test
    void aConfigFolderThatIsAFileGivesTheDefaultsAndIsLeftAsItWas() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("brokerscope"), "a file, not a folder");
        JsonFileStore<AppSettings> store = new JsonFileStore<>(notAFolder.resolve("settings.json"), AppSettings.class,
                AppSettings::defaults, CLOCK);

        Loaded<AppSettings> loaded = store.load();

        assertEquals(AppSettings.defaults(), loaded.value());
        assertTrue(loaded.unreadable());
        assertEquals("Not a directory", loaded.problem().orElseThrow());
        assertThrows(IOException.class, () -> store.save(AppSettings.defaults()));
        assertEquals("a file, not a folder", Files.readString(notAFolder));
    }

    @Test
    void onceTheFileCanBeReadAgainSavesGoThrough() throws IOException {
        Files.createDirectories(file());
        JsonFileStore<AppSettings> store = store();
        assertTrue(store.load().unreadable());
        Files.delete(file());

        assertTrue(store.load().problem().isEmpty());
        store.save(new AppSettings("fr", 1884, false));

        assertEquals(new AppSettings("fr", 1884, false), store.load().value());
    }

    @Test
    void loadingDeletesTheTemporaryFilesOfAnInterruptedSaveOnceTheyAreAMinuteOld() throws IOException {
        store().save(new AppSettings("fr", 1884, false));
        // Named as AtomicFiles names them: the file's name, the JDK's random digits, ".tmp".
        Path stale = Files.writeString(folder.resolve("settings.json5163071218237491934.tmp"), "{\"language\": \"f");
        Path young = Files.writeString(folder.resolve("settings.json892261733.tmp"), "{\"lang");
        Files.setLastModifiedTime(stale, FileTime.from(CLOCK.instant().minusSeconds(61)));
        Files.setLastModifiedTime(young, FileTime.from(CLOCK.instant().minusSeconds(30)));

        Loaded<AppSettings> loaded = store().load();

        assertEquals(new AppSettings("fr", 1884, false), loaded.value());
        assertEquals(List.of("settings.json", "settings.json892261733.tmp"), fileNames(),
                "the one written 30 s ago may be a save in progress");
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
