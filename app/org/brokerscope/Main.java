package org.brokerscope;

import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Application;
import org.brokerscope.cli.Cli;

/**
 * Entry point. With no command it opens the window; {@code brokerscope <command>} runs headless.
 *
 * <p>Kept apart from {@link BrokerscopeApp} so the app starts from a plain classpath, where a main
 * class that extends {@code Application} would be refused.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        if (args.length > 0) {
            System.exit(new Cli(System.out, System.err).run(args));
        }
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Application.launch(BrokerscopeApp.class, args);
        exitReportingLeftovers(before);
    }

    /**
     * The window is closed and the services stopped. A desktop app must not hang on exit, so name any
     * thread that outlived the shutdown (a bug to fix) and exit anyway.
     */
    private static void exitReportingLeftovers(Set<Thread> before) {
        long deadline = System.nanoTime() + 3_000_000_000L;
        String leftovers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.isDaemon() && !before.contains(t) && t != Thread.currentThread())
                .filter(t -> !joinUntil(t, deadline))
                .map(Thread::getName).collect(Collectors.joining(", "));
        if (!leftovers.isEmpty()) {
            System.getLogger(Main.class.getName()).log(System.Logger.Level.WARNING,
                    "Threads still running after shutdown: {0}", leftovers);
        }
        System.exit(0);
    }

    private static boolean joinUntil(Thread thread, long deadlineNanos) {
        try {
            thread.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private static void configureLogging() {
        Logging.configure();
    }
}
