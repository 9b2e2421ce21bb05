package org.brokerscope.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercises the pure {@code resolve(override, osName, home, env)} so every platform's rule is tested on
 * any machine, without touching the real environment or system properties.
 */
class ConfigDirectoryTest {
    private static final String HOME = "/home/ada";

    @Test
    void linuxUsesAnAbsoluteXdgConfigHome() {
        Path dir = ConfigDirectory.resolve(null, "Linux", HOME, Map.of("XDG_CONFIG_HOME", "/data/config"));

        assertEquals(Path.of("/data/config", "brokerscope"), dir);
    }

    @Test
    void linuxIgnoresARelativeXdgConfigHomeAsTheSpecRequires() {
        Path dir = ConfigDirectory.resolve(null, "Linux", HOME, Map.of("XDG_CONFIG_HOME", "relative/config"));

        assertEquals(Path.of(HOME, ".config", "brokerscope"), dir);
    }

    @Test
    void linuxIgnoresAnEmptyXdgConfigHome() {
        Path dir = ConfigDirectory.resolve(null, "Linux", HOME, Map.of("XDG_CONFIG_HOME", ""));

        assertEquals(Path.of(HOME, ".config", "brokerscope"), dir);
    }

    @Test
    void linuxWithoutXdgUsesDotConfigInHome() {
        assertEquals(Path.of(HOME, ".config", "brokerscope"), ConfigDirectory.resolve(null, "Linux", HOME, Map.of()));
    }

    @Test
    void windowsUsesAppData() {
        Path dir = ConfigDirectory.resolve(null, "Windows 11", "C:\\Users\\ada",
                Map.of("APPDATA", "C:\\Users\\ada\\AppData\\Roaming", "XDG_CONFIG_HOME", "/ignored"));

        assertEquals(Path.of("C:\\Users\\ada\\AppData\\Roaming", "Brokerscope"), dir);
    }

    @Test
    void windowsWithoutAppDataFallsBackToRoamingInHome() {
        Path dir = ConfigDirectory.resolve(null, "Windows 10", "C:\\Users\\ada", Map.of());

        assertEquals(Path.of("C:\\Users\\ada", "AppData", "Roaming", "Brokerscope"), dir);
    }

    @Test
    void macUsesApplicationSupport() {
        Path dir = ConfigDirectory.resolve(null, "Mac OS X", "/Users/ada", Map.of("XDG_CONFIG_HOME", "/ignored"));

        assertEquals(Path.of("/Users/ada", "Library", "Application Support", "Brokerscope"), dir);
    }

    @Test
    void theOverridePropertyWinsOnEveryPlatform(@TempDir Path portable) {
        String override = portable.toString();
        Map<String, String> env = Map.of("APPDATA", "C:\\x", "XDG_CONFIG_HOME", "/x");

        assertEquals(portable, ConfigDirectory.resolve(override, "Linux", HOME, env));
        assertEquals(portable, ConfigDirectory.resolve(override, "Windows 11", HOME, env));
        assertEquals(portable, ConfigDirectory.resolve(override, "Mac OS X", HOME, env));
    }

    @Test
    void aBlankOverrideIsIgnored() {
        assertEquals(Path.of(HOME, ".config", "brokerscope"), ConfigDirectory.resolve("  ", "Linux", HOME, Map.of()));
    }

    @Test
    void thePublicResolveHonoursTheOverrideProperty(@TempDir Path portable) {
        String previous = System.getProperty(ConfigDirectory.OVERRIDE_PROPERTY);
        System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, portable.toString());
        try {
            assertEquals(portable, ConfigDirectory.resolve());
        } finally {
            // Restore, so no other test in this JVM sees the property.
            if (previous == null) {
                System.clearProperty(ConfigDirectory.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, previous);
            }
        }
    }
}
