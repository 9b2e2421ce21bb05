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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.brokerscope.broker.FreePorts;

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
        int port = FreePorts.any("127.0.0.1");
        Path config = Files.createTempDirectory("brokerscope-bench-app-");
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
