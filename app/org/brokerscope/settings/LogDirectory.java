package org.brokerscope.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Brokerscope writes its log files: the platform's per-user place for logs and state. */
public final class LogDirectory {
    /** Overrides the folder, for tests and portable installs; logback reads the same property. */
    public static final String PROPERTY = "brokerscope.log.dir";

    private LogDirectory() {
    }

    public static Path resolve() {
        return resolve(System.getProperty(PROPERTY), System.getProperty("os.name", ""),
                System.getProperty("user.home"), System.getenv());
    }

    static Path resolve(String override, String osName, String home, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local != null ? Path.of(local, "Brokerscope", "logs") : Path.of(home, "AppData", "Local", "Brokerscope", "logs");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Logs", "Brokerscope");
        }
        // Logs are state, not configuration (XDG Base Directory spec, XDG_STATE_HOME).
        String state = env.get("XDG_STATE_HOME");
        if (state != null && Path.of(state).isAbsolute()) {
            return Path.of(state, "brokerscope", "logs");
        }
        return Path.of(home, ".local", "state", "brokerscope", "logs");
    }
}
