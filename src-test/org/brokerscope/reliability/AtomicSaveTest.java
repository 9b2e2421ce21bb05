package org.brokerscope.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.brokerscope.settings.JsonFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 during a save, for real: a child JVM saves a 1 MB settings file in a loop through the app's
 * {@link JsonFileStore}, and is killed with SIGKILL at random moments. After each kill the file must load
 * as exactly the old or the new content, with no backup made (a backup would mean it was unreadable).
 * The temporary files killed saves leave are gone after a load two minutes later, as at the next start.
 */
class AtomicSaveTest {
    private static final int KILLS = 6;

    @TempDir
    Path folder;

    @Test
    void killingTheAppDuringASaveLeavesTheOldOrTheNewFileNeverHalfOfOne() throws Exception {
        Path file = folder.resolve("settings.json");
        Random random = new Random(11);
        int oldSeen = 0;
        int newSeen = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = startChild(file);
            try {
                Thread.sleep(5 + random.nextInt(200)); // saves are going on: kill somewhere inside one
            } finally {
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
                assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child did not die");
            }
            JsonFileStore.Loaded<SaveLoop.Big> loaded = new JsonFileStore<>(file, SaveLoop.Big.class,
                    () -> SaveLoop.Big.of("default"), Clock.systemUTC()).load();
            assertEquals(java.util.Optional.empty(), loaded.problem(), "after kill " + kill);
            String label = loaded.value().label();
            assertTrue(loaded.value().equals(SaveLoop.Big.of("old-")) || loaded.value().equals(SaveLoop.Big.of("new-")),
                    "after kill " + kill + " the file holds " + label);
            oldSeen += label.equals("old-") ? 1 : 0;
            newSeen += label.equals("new-") ? 1 : 0;
        }
        List<String> left = othersThanTheFile();
        // A killed save leaves its temporary file (nothing ran to delete it); never a backup, never a half file.
        assertTrue(left.stream().allMatch(n -> n.endsWith(".tmp")), "other files: " + left);
        // The next start, two minutes on: the leftovers are nobody's save any more, and loading removes them.
        new JsonFileStore<>(file, SaveLoop.Big.class, () -> SaveLoop.Big.of("default"),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2))).load();
        assertEquals(List.of(), othersThanTheFile(), "left after the next start's load");
        System.out.printf("atomic save: %d kills, file was old %d times, new %d times, %d temp files left, "
                + "0 after the next start's load%n", KILLS, oldSeen, newSeen, left.size());
    }

    private List<String> othersThanTheFile() throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("settings.json")).toList();
        }
    }

    private static Process startChild(Path file) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SaveLoop.class.getName(), file.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("saved")) {
            // JVM warnings may come first
        }
        if (line == null) {
            throw new AssertionError("the saving child exited with " + child.waitFor());
        }
        return child;
    }
}
