package org.brokerscope.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.settings.AppSettings;
import org.brokerscope.settings.JsonFileStore;
import org.brokerscope.settings.ProfileStore;
import org.brokerscope.sim.scenario.ScenarioFiles;
import org.brokerscope.ui.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings, profile and scenario files that are corrupted, truncated, from a future version or with wrong
 * types. Settings and profiles: each is moved aside byte for byte, the reason is given, defaults are used,
 * and the user's message names the backup. Scenarios, which the app only reads when asked: refused with a
 * message that says why, the file untouched.
 */
class CorruptFilesTest {
    @TempDir
    Path folder;

    private static Map<String, String> badSettings() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("garbage bytes", "\u0000\u00ff{{{ not json");
        bad.put("truncated", "{\n  \"version\" : 1,\n  \"language\" : \"fr\",\n  \"embeddedBr");
        bad.put("empty", "");
        bad.put("future version", "{\"version\": 99, \"language\": \"fr\", \"embeddedBrokerPort\": 1884, \"demoSensors\": false}");
        bad.put("version of wrong type", "{\"version\": \"two\", \"language\": \"fr\"}");
        bad.put("port as text", "{\"language\": \"fr\", \"embeddedBrokerPort\": \"abc\"}");
        bad.put("number as text", "{\"language\": \"fr\", \"embeddedBrokerPort\": \"1884\"}");
        bad.put("language as number", "{\"language\": 42}");
        bad.put("boolean as text", "{\"demoSensors\": \"yes\"}");
        bad.put("port out of range", "{\"embeddedBrokerPort\": 99999}");
        bad.put("array instead of object", "[1, 2, 3]");
        bad.put("null", "null");
        bad.put("100,000 nested arrays", "{\"language\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        return bad;
    }

    @Test
    void everyBadSettingsFileIsBackedUpExplainedAndReplacedByDefaults() throws Exception {
        I18n i18n = I18n.forLanguage("en");
        int i = 0;
        for (Map.Entry<String, String> bad : badSettings().entrySet()) {
            Path dir = Files.createDirectories(folder.resolve("case" + i++));
            Path file = dir.resolve("settings.json");
            byte[] original = bad.getValue().getBytes(StandardCharsets.UTF_8);
            Files.write(file, original);
            JsonFileStore<AppSettings> store = new JsonFileStore<>(file, AppSettings.class, AppSettings::defaults, Clock.systemUTC());

            JsonFileStore.Loaded<AppSettings> loaded = store.load();

            String what = bad.getKey();
            assertEquals(AppSettings.defaults(), loaded.value(), what);
            Path backup = loaded.corruptFileBackup().orElseThrow(() -> new AssertionError(what + ": no backup"));
            assertArrayEquals(original, Files.readAllBytes(backup), what + ": the backup is the file as it was");
            assertFalse(Files.exists(file), what + ": the bad file is moved, so a save cannot overwrite it");
            String problem = loaded.problem().orElseThrow();
            assertFalse(problem.isBlank(), what);
            // What the status bar says (ShellViewModel turns the app's notice into this text).
            String shown = i18n.text("notice.settingsBackedUp", backup.getFileName().toString());
            assertTrue(shown.contains(backup.getFileName().toString()), shown);
            System.out.printf("settings file %-24s -> backed up as %s: %s%n", what, backup.getFileName(), problem);
            if (what.equals("future version")) {
                assertTrue(problem.contains("newer"), problem);
            }
        }
    }

    @Test
    void whatIsSavedCarriesItsVersionAndLoadsBack() throws Exception {
        Path file = folder.resolve("settings.json");
        JsonFileStore<AppSettings> store = new JsonFileStore<>(file, AppSettings.class, AppSettings::defaults, Clock.systemUTC());
        store.save(new AppSettings("fr", 1884, false));
        assertTrue(Files.readString(file).contains("\"version\" : 1"), Files.readString(file));
        assertEquals(new AppSettings("fr", 1884, false), store.load().value());
        assertTrue(store.load().problem().isEmpty());
        // A file of an older version, without "version", still loads.
        Files.writeString(file, "{\"language\": \"en\", \"embeddedBrokerPort\": 1885, \"demoSensors\": true}");
        assertEquals(new AppSettings("en", 1885, true), store.load().value());
    }

    @Test
    void badProfileFilesAreBackedUpAndTheEmbeddedProfileRemains() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("truncated", "{\"installationId\": \"ab12cd34\", \"profiles\": [{\"id\": \"p1\", \"name\": \"Lab\", \"ho");
        bad.put("future version", "{\"version\": 99, \"installationId\": \"ab12cd34\", \"profiles\": []}");
        bad.put("port as text", "{\"profiles\": [{\"id\": \"p1\", \"name\": \"Lab\", \"host\": \"h\", \"port\": \"x\", \"transport\": \"TCP\"}]}");
        bad.put("profiles not a list", "{\"profiles\": {\"id\": \"p1\"}}");
        bad.put("unknown transport", "{\"profiles\": [{\"id\": \"p1\", \"name\": \"Lab\", \"host\": \"h\", \"port\": 1, \"transport\": \"PIGEON\"}]}");
        int i = 0;
        for (Map.Entry<String, String> b : bad.entrySet()) {
            Path file = Files.createDirectories(folder.resolve("p" + i++)).resolve("profiles.json");
            Files.writeString(file, b.getValue());
            ProfileStore store = new ProfileStore(file, Clock.systemUTC(),
                    id -> ConnectionProfile.embedded("Embedded", 1883, id));

            ProfileStore.Loaded loaded = store.load();

            assertEquals(1, loaded.book().profiles().size(), b.getKey());
            assertTrue(loaded.book().selectedProfile().embedded(), b.getKey());
            Path backup = loaded.corruptFileBackup().orElseThrow(() -> new AssertionError(b.getKey() + ": no backup"));
            assertEquals(b.getValue(), Files.readString(backup), b.getKey());
            assertFalse(loaded.problem().orElseThrow().isBlank());
            System.out.printf("profiles file %-20s -> %s: %s%n", b.getKey(), backup.getFileName(), loaded.problem().get());
        }
    }

    @Test
    void badScenarioFilesAreRefusedWithAReasonAndLeftAsTheyWere() throws Exception {
        String good = "{\"name\": \"lab\", \"sensors\": [{\"site\": \"s\", \"room\": \"r\", \"measure\": \"temperature\"}]}";
        assertEquals("lab", ScenarioFiles.parse(good).name());
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("garbage", "\u0001\u0002 nope");
        bad.put("truncated", good.substring(0, good.length() / 2));
        bad.put("empty", "");
        bad.put("future version", good.replace("{\"name\"", "{\"version\": 99, \"name\""));
        bad.put("version of wrong type", good.replace("{\"name\"", "{\"version\": [2], \"name\""));
        bad.put("measure as number", good.replace("\"temperature\"", "7"));
        bad.put("sensors as text", "{\"sensors\": \"all of them\"}");
        bad.put("interval as text", good.replace("\"temperature\"", "\"temperature\", \"intervalMs\": \"fast\""));
        bad.put("100,000 nested arrays", "{\"sensors\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            Path file = folder.resolve("scenario-" + b.getKey().replace(' ', '-') + ".json");
            Files.writeString(file, b.getValue());
            ScenarioFiles.ScenarioException e = assertThrows(ScenarioFiles.ScenarioException.class, () -> ScenarioFiles.read(file),
                    b.getKey());
            assertFalse(e.getMessage().isBlank());
            assertEquals(b.getValue(), Files.readString(file), b.getKey() + ": a refused scenario file is not touched");
            System.out.printf("scenario file %-22s -> %s%n", b.getKey(), e.getMessage().lines().findFirst().orElse(""));
            if (b.getKey().equals("future version")) {
                assertTrue(e.getMessage().contains("newer"), e.getMessage());
            }
        }
    }
}
