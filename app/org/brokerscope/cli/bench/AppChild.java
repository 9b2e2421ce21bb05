package org.brokerscope.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.brokerscope.broker.FreePorts;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.settings.ProfileStore;

/**
 * The whole app started as a child process for the GUI benchmarks: a private config folder, its embedded
 * broker on a free loopback port, no demo sensors, and every line it logs handed to the benchmark.
 * Needs a display.
 */
final class AppChild implements AutoCloseable {
    private final Process process;
    private final int port;

    private AppChild(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the app with {@code -D} options {@code properties} and waits until its broker listens. */
    static AppChild start(List<String> properties, Consumer<String> lines) throws IOException, InterruptedException {
        Path config = Files.createTempDirectory("brokerscope-bench-app-");
        return start(properties, lines, config);
    }

    /**
     * Starts the app watching the broker on {@code 127.0.0.1:externalPort} instead of its own, the way a
     * user does it: that broker's profile is selected in {@code profiles.json}, so the app connects at
     * start. Waits until the app monitors it.
     */
    static AppChild startWatching(int externalPort, List<String> properties, Consumer<String> lines)
            throws IOException, InterruptedException {
        Path config = Files.createTempDirectory("brokerscope-bench-app-");
        ProfileStore profiles = new ProfileStore(config.resolve("brokerscope/profiles.json"), java.time.Clock.systemUTC(),
                id -> ConnectionProfile.embedded("Embedded", 1883, id));
        Files.createDirectories(config.resolve("brokerscope"));
        ConnectionProfile bench = ConnectionProfile.create("bench", "Local Mosquitto", "127.0.0.1", externalPort, "",
                "brokerscope-bench");
        profiles.save(profiles.load().book().put(bench).select(bench.id()));
        String monitoring = "Monitoring tcp://127.0.0.1:" + externalPort;
        CountDownLatch watching = new CountDownLatch(1);
        AppChild app = start(properties, line -> {
            if (line.contains(monitoring)) {
                watching.countDown();
            }
            lines.accept(line);
        }, config);
        if (!watching.await(60, TimeUnit.SECONDS)) {
            app.close();
            throw new IOException("The app never logged \"" + monitoring + "\"");
        }
        return app;
    }

    private static AppChild start(List<String> properties, Consumer<String> lines, Path config)
            throws IOException, InterruptedException {
        int port = FreePorts.any("127.0.0.1");
        Files.createDirectories(config.resolve("brokerscope"));
        Files.writeString(config.resolve("brokerscope/settings.json"),
                "{\"embeddedBrokerPort\":" + port + ",\"demoSensors\":false}");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED"));
        properties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.brokerscope.Main"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("XDG_CONFIG_HOME", config.toString());
        Process process = builder.start();
        Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // The app has gone; the benchmark reports what it got.
            }
        });
        AppChild app = new AppChild(process, port);
        app.awaitBroker();
        return app;
    }

    String brokerUri() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    private void awaitBroker() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (FreePorts.isListening("127.0.0.1", port)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        close();
        throw new IOException("The app's embedded broker never listened on " + port + "; is there a display?");
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(15));
    }
}
