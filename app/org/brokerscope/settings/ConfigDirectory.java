package org.brokerscope.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Brokerscope keeps its files: the platform's per-user configuration folder. */
public final class ConfigDirectory {
    /** Overrides the folder, for tests and for portable installs. */
    public static final String OVERRIDE_PROPERTY = "brokerscope.config.dir";
    private static final String APP = "brokerscope";

    private ConfigDirectory() {
    }

    public static Path resolve() {
        return resolve(System.getProperty(OVERRIDE_PROPERTY), System.getProperty("os.name", ""),
                System.getProperty("user.home"), System.getenv());
    }

    static Path resolve(String override, String osName, String home, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Brokerscope") : Path.of(home, "AppData", "Roaming", "Brokerscope");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Brokerscope");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, APP);
        }
        return Path.of(home, ".config", APP);
    }
}
