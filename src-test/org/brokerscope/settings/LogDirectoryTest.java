package org.brokerscope.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogDirectoryTest {
    private static final String HOME = "/home/ada";

    @Test
    void linuxUsesXdgStateHomeWhenAbsolute() {
        assertEquals(Path.of("/state", "brokerscope", "logs"),
                LogDirectory.resolve(null, "Linux", HOME, Map.of("XDG_STATE_HOME", "/state")));
        assertEquals(Path.of(HOME, ".local", "state", "brokerscope", "logs"),
                LogDirectory.resolve(null, "Linux", HOME, Map.of("XDG_STATE_HOME", "rel")));
    }

    @Test
    void windowsAndMacUseTheirLogPlaces() {
        assertEquals(Path.of("C:/Users/ada/AppData/Local", "Brokerscope", "logs"),
                LogDirectory.resolve(null, "Windows 11", HOME, Map.of("LOCALAPPDATA", "C:/Users/ada/AppData/Local")));
        assertEquals(Path.of(HOME, "Library", "Logs", "Brokerscope"), LogDirectory.resolve(null, "Mac OS X", HOME, Map.of()));
    }

    @Test
    void theOverrideWins() {
        assertEquals(Path.of("/tmp/logs"), LogDirectory.resolve("/tmp/logs", "Linux", HOME, Map.of()));
    }
}
