package org.brokerscope.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects every exception that escapes a thread while a test runs (the ingest thread, Paho's threads,
 * HiveMQ's), by installing a default handler; closing puts the previous handler back.
 */
final class UncaughtExceptions implements AutoCloseable {
    private final Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    UncaughtExceptions() {
        install();
    }

    /** Installs the handler again, e.g. after HiveMQ replaced it with its own on start. */
    void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> seen.add(thread.getName() + ": " + error));
    }

    List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }
}
