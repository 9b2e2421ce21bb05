package org.brokerscope.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The addresses a port listens on, as the Linux kernel reports them in /proc/net/tcp and tcp6. */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** "127.0.0.1", "::1", "any" (0.0.0.0 or ::), or the raw hex of another address. */
    static Set<String> on(int port) throws IOException {
        Set<String> found = new TreeSet<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[3].equals(LISTEN) && f[1].endsWith(":" + hexPort)) {
                    found.add(name(f[1].substring(0, f[1].indexOf(':'))));
                }
            }
        }
        return found;
    }

    private static String name(String hex) {
        if (hex.chars().allMatch(c -> c == '0') || hex.equals("0000000000000000FFFF000000000000")) {
            return "any";
        }
        if (hex.equals("0100007F") || hex.equals("0000000000000000FFFF00000100007F")) {
            return "127.0.0.1";
        }
        if (hex.equals("00000000000000000000000001000000")) {
            return "::1";
        }
        return hex;
    }
}
