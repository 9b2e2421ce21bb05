package org.brokerscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.brokerscope.Main;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;

/** {@code brokerscope sensors} as a user runs it: a separate process, stopped by a signal like Ctrl-C. */
class SensorsCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void runsPrintsPerSecondTotalsAndStopsOnASignalWithEverySensorOffline() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            Map<String, String> status = new ConcurrentHashMap<>();
            try (BrokerConnection watcher = new PahoV5Connection(ConnectionSettings.of(broker.tcpUri(), "watcher"),
                    m -> status.put(m.topic(), new String(m.payload(), StandardCharsets.UTF_8)))) {
                watcher.connect().get(10, TimeUnit.SECONDS);
                watcher.subscribe("maison/+/+/status", 1).get(10, TimeUnit.SECONDS);

                Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                        System.getProperty("java.class.path"), Main.class.getName(), "sensors",
                        "--broker", "mqtt://127.0.0.1:" + broker.port(), "--scenario", "house", "--rooms", "2")
                        .redirectErrorStream(true).start();
                List<String> lines = new CopyOnWriteArrayList<>();
                Thread reader = Thread.ofVirtual().start(() -> readLines(child, lines));
                try {
                    Eventually.await(WAIT, () -> lines.stream().anyMatch(l -> l.equals("Connected 8 of 8 sensors.")),
                            () -> "connected line; output so far: " + lines);
                    Eventually.await(WAIT, () -> lines.stream().anyMatch(l -> l.matches(".*running 8/8 +\\d+ msg/s +total [1-9].*")),
                            () -> "per-second totals; output so far: " + lines);
                    Eventually.await(WAIT, () -> status.size() == 8 && status.values().stream().allMatch("online"::equals),
                            () -> "8 sensors online: " + status);
                } finally {
                    // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C. Through the handle, because
                    // Process.destroy() also closes the pipes and the last lines would be lost.
                    child.toHandle().destroy();
                }
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the process ends after the signal");
                reader.join(5_000);
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("Stopped 8 sensors;")), "output: " + lines);
                Eventually.await(WAIT, () -> status.values().stream().allMatch("offline"::equals),
                        () -> "every sensor said offline: " + status);
                assertEquals(8, status.size());
            }
        }
    }

    @Test
    void badOptionsGiveAClearMessageAndExitCodeTwo() {
        assertEquals("--rooms must be a number, was zero", firstErrorLine("--rooms", "zero"));
        assertEquals("--rooms must be a whole number of at least 1, was 0", firstErrorLine("--rooms", "0"));
        assertEquals("Unknown scenario: castle (built in: house, classroom, weather, load, or a .json file)",
                firstErrorLine("--scenario", "castle"));
        assertEquals("--broker: use mqtt://HOST:PORT (was http://x:1)", firstErrorLine("--broker", "http://x:1"));
        assertTrue(firstErrorLine("--scenario", "/nonexistent/s.json").startsWith("Cannot read /nonexistent/s.json"));
    }

    private static String firstErrorLine(String... options) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 1];
        args[0] = "sensors";
        System.arraycopy(options, 0, args, 1, options.length);
        int code = new Cli(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        assertEquals(2, code);
        return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    private static void readLines(Process child, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().forEach(lines::add);
        } catch (java.io.IOException e) {
            lines.add("(reading the output failed: " + e + ")");
        }
    }
}
