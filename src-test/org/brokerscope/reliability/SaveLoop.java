package org.brokerscope.reliability;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.brokerscope.settings.JsonFileStore;

/**
 * The child process of {@link AtomicSaveTest}: saves two big contents in turn into one file, for ever,
 * printing "saved" after the first save so the parent knows the loop runs. The parent kills it with SIGKILL.
 */
public final class SaveLoop {
    /** A settings-like file of about 1 MB, so a save takes long enough to be killed in the middle. */
    public record Big(String label, List<String> lines) {
        static Big of(String label) {
            return new Big(label, java.util.Collections.nCopies(20_000, label.repeat(12)));
        }
    }

    private SaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        JsonFileStore<Big> store = new JsonFileStore<>(Path.of(args[0]), Big.class, () -> Big.of("default"), Clock.systemUTC());
        Big[] contents = {Big.of("old-"), Big.of("new-")};
        for (long i = 0; ; i++) {
            store.save(contents[(int) (i % 2)]);
            if (i == 0) {
                System.out.println("saved");
                System.out.flush();
            }
        }
    }
}
