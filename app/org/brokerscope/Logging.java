package org.brokerscope;

import java.nio.file.Path;
import org.brokerscope.settings.LogDirectory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends every log line (the app's System.Logger, Paho's java.util.logging, HiveMQ's SLF4J) through one
 * logback configuration: the console, and a size-capped rotating file in the user's log folder.
 *
 * <p>HiveMQ bridges java.util.logging into logback only once it starts; bridging here, first, means the
 * lines written before that (start-up, headless commands) reach the file too.
 */
public final class Logging {
    static final String LOGBACK_PROPERTY = "logback.configurationFile";

    private Logging() {
    }

    /** Idempotent; must run before the first log line so logback sees the folder. */
    public static synchronized void configure() {
        if (System.getProperty(LOGBACK_PROPERTY) == null) {
            // Not logback.xml: HiveMQ's jar ships one, and two on the classpath make logback print its status.
            System.setProperty(LOGBACK_PROPERTY, "org/brokerscope/logback.xml");
        }
        if (System.getProperty(LogDirectory.PROPERTY) == null) {
            System.setProperty(LogDirectory.PROPERTY, LogDirectory.resolve().toString());
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /** The file the current log lines go to. */
    public static Path currentFile() {
        return Path.of(System.getProperty(LogDirectory.PROPERTY, LogDirectory.resolve().toString()), "brokerscope.log");
    }
}
