package org.brokerscope.cli.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Child processes the benchmarks (and the tests' broker helpers) start and must not leave running. */
public final class ChildProcesses {
    private ChildProcesses() {
    }

    /** Asks {@code process} to stop (SIGTERM), gives it {@code grace}, then kills it and reaps it. */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
