package org.brokerscope.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.brokerscope.AppStatus.Notice;
import org.brokerscope.BrokerscopeApp;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.settings.AppSettings;
import org.brokerscope.settings.ConfigDirectory;
import org.brokerscope.settings.JsonFileStore;
import org.brokerscope.settings.ProfileBook;
import org.brokerscope.settings.ProfileStore;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.ui.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings and profile files that exist but cannot be read at all. The tests run as root, whom a missing
 * read permission does not stop, so the file is made unreadable for everyone: a folder stands where the
 * file should be (a user who unpacked a backup the wrong way round), which fails the read exactly as a
 * permission does, with an {@code IOException} from the read and not from the parser. The app must start
 * with the defaults, say why in the status bar, and leave what is there untouched, saves included.
 */
class UnreadableFilesTest {
    @TempDir
    Path configDir;

    @AfterEach
    void clearOverride() {
        System.clearProperty(ConfigDirectory.OVERRIDE_PROPERTY);
    }

    /**
     * Up to the end of {@code init()}, where the settings are read and the exception used to escape. Not the
     * window: with settings unread the defaults put the embedded broker on port 1883, which a shared test
     * machine may hold, and whose "port taken" notice would then replace the one under test.
     */
    @Test
    void aFolderInPlaceOfSettingsJsonStartsTheAppWithDefaultsAndTheStatusBarSaysWhy() throws Exception {
        Path settings = Files.createDirectories(configDir.resolve("settings.json"));
        Files.writeString(settings.resolve("inside.txt"), "untouched");
        System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, configDir.toString());
        BrokerscopeApp app = new BrokerscopeApp();

        app.init();
        try {
            Notice notice = app.services().status().notice().orElseThrow(() -> new AssertionError("no notice"));
            assertEquals(new Notice(Notice.Kind.FILE_UNREADABLE, List.of("settings.json", "Is a directory")), notice);
            String shown = I18n.forLanguage("en").text("notice.fileUnreadable", notice.arguments().toArray());
            assertEquals("Cannot read settings.json (Is a directory): defaults are used, and the file is left as it is"
                    + " and not saved over.", shown);
            System.out.println("unreadable settings.json -> status bar: " + shown);
            System.out.println("  in French: " + I18n.forLanguage("fr").text("notice.fileUnreadable", notice.arguments().toArray()));
        } finally {
            app.services().close();
        }
        assertTrue(Files.isDirectory(settings));
        assertEquals("untouched", Files.readString(settings.resolve("inside.txt")));
    }

    @Test
    void aFolderInPlaceOfProfilesJsonKeepsTheEmbeddedProfileAndIsNeverSavedOver() throws Exception {
        Path profiles = Files.createDirectories(configDir.resolve("profiles.json"));
        ProfileStore store = new ProfileStore(profiles, Clock.systemUTC(), id -> ConnectionProfile.embedded("Embedded", 1883, id));

        ProfileStore.Loaded loaded = store.load();

        assertTrue(loaded.unreadable());
        assertEquals(Optional.of("Is a directory"), loaded.problem());
        assertEquals(1, loaded.book().profiles().size());
        assertTrue(loaded.book().selectedProfile().embedded());
        ProfileBook withLab = loaded.book().put(ConnectionProfile.create("lab", "Lab", "lab.example", "lab-client"));
        IOException refused = assertThrows(IOException.class, () -> store.save(withLab));
        System.out.println("unreadable profiles.json -> save refused: " + refused.getMessage());
        assertTrue(Files.isDirectory(profiles));
        try (var left = Files.list(configDir)) {
            assertEquals(List.of("profiles.json"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    /**
     * A corrupt file in a folder that nothing may change (root included: {@code chattr +i}), so it cannot be
     * moved aside as corrupt files are. It used to throw out of the load, and the app did not start.
     */
    @Test
    void aCorruptFileThatCannotBeMovedAsideIsLeftInPlaceWithTheDefaults() throws Exception {
        Path file = configDir.resolve("settings.json");
        Files.writeString(file, "{\"language\": ");
        JsonFileStore<AppSettings> store = new JsonFileStore<>(file, AppSettings.class, AppSettings::defaults, Clock.systemUTC());
        MosquittoBroker.run("chattr", "+i", configDir.toString());
        try {
            JsonFileStore.Loaded<AppSettings> loaded = store.load();
            assertEquals(AppSettings.defaults(), loaded.value());
            assertTrue(loaded.unreadable(), "left in place, so saves are refused: " + loaded);
            assertTrue(loaded.problem().orElseThrow().contains("could not be moved aside"), loaded.problem().orElseThrow());
            assertThrows(IOException.class, () -> store.save(new AppSettings("fr", 1884, false)));
        } finally {
            MosquittoBroker.run("chattr", "-i", configDir.toString());
        }
        assertEquals("{\"language\": ", Files.readString(file));
    }

    /** The whole app in a window (settings readable, on a free port): the start-up notice for profiles.json. */
    @Test
    void aFolderInPlaceOfProfilesJsonIsShownInTheStatusBarOfTheRunningApp() throws Exception {
        Path profiles = Files.createDirectories(configDir.resolve("profiles.json"));
        try (FaultApp app = FaultApp.open(configDir)) {
            String expected = "Cannot read profiles.json (Is a directory): defaults are used, and the file is left as it is"
                    + " and not saved over.";
            Eventually.await(Duration.ofSeconds(20), () -> app.noticeLabel().equals(expected),
                    () -> "the status bar's notice says \"" + app.noticeLabel() + "\"; status " + app.services().status());
        }
        assertTrue(Files.isDirectory(profiles));
    }
}
