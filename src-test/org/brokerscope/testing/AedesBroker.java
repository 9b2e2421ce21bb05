package org.brokerscope.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.brokerscope.broker.FreePorts;
import org.brokerscope.cli.bench.ChildProcesses;

/**
 * aedes (npm), a real MQTT 3.1.1-only broker, run with {@code node} as a child process on a free loopback
 * port. It stands in for the brokers that refuse MQTT 5, so Auto mode's fallback is tested for real.
 *
 * <p>aedes is installed into {@code target/aedes} on first use (npm registry); node_modules never enters
 * the source tree.
 */
public final class AedesBroker implements AutoCloseable {
    private static final Path INSTALL = Path.of("target", "aedes").toAbsolutePath();
    private static final String HOST = "127.0.0.1";
    // Our own ten lines: one aedes instance behind a plain TCP server, "ready" once it listens.
    private static final String SERVER_JS = """
            import { Aedes } from 'aedes';
            import net from 'node:net';
            const aedes = await Aedes.createBroker();
            const server = net.createServer(aedes.handle);
            server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('ready'));
            // Exit with the test JVM: it closes our stdin when it goes, even without close().
            process.stdin.on('end', () => process.exit(0));
            process.stdin.resume();
            """;
    // The same behind a WebSocket server that, like many cloud brokers, answers only on one path.
    private static final String WS_SERVER_JS = """
            import { Aedes } from 'aedes';
            import http from 'node:http';
            import { WebSocketServer, createWebSocketStream } from 'ws';
            const aedes = await Aedes.createBroker();
            const server = http.createServer();
            const wss = new WebSocketServer({ server, path: process.argv[3] });
            wss.on('connection', (ws) => aedes.handle(createWebSocketStream(ws)));
            server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('ready'));
            process.stdin.on('end', () => process.exit(0));
            process.stdin.resume();
            """;

    private final int port;
    private final Process process;

    private AedesBroker(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static AedesBroker start() {
        return start("aedes-server.mjs", SERVER_JS);
    }

    /** aedes behind a WebSocket server that accepts the upgrade only on {@code path} (HTTP 400 elsewhere). */
    public static AedesBroker startWebSocket(String path) {
        return start("aedes-ws-server.mjs", WS_SERVER_JS, path);
    }

    private static AedesBroker start(String scriptName, String scriptText, String... args) {
        try {
            Path script = installIfMissing(scriptName, scriptText);
            int port = FreePorts.any(HOST);
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("node", script.toString(),
                    Integer.toString(port)));
            command.addAll(java.util.List.of(args));
            Process process = new ProcessBuilder(command)
                    .directory(INSTALL.toFile()).redirectErrorStream(true).start();
            awaitReady(process);
            return new AedesBroker(port, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ws://127.0.0.1:port} plus the path, for a broker from {@link #startWebSocket}. */
    public String webSocketUri(String path) {
        return "ws://" + HOST + ":" + port + path;
    }

    public String tcpUri() {
        return "tcp://" + HOST + ":" + port;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(5));
    }

    private static synchronized Path installIfMissing(String scriptName, String scriptText) throws IOException {
        Files.createDirectories(INSTALL);
        Path script = INSTALL.resolve(scriptName);
        Files.writeString(script, scriptText);
        Path modules = INSTALL.resolve("node_modules");
        if (Files.isDirectory(modules.resolve("aedes")) && Files.isDirectory(modules.resolve("ws"))) {
            return script;
        }
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", INSTALL.toString(),
                "aedes@1", "ws@8").redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                throw new AssertionError("npm install aedes failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while installing aedes", e);
        }
        return script;
    }

    private static void awaitReady(Process process) {
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains("ready")) {
                        return "ready";
                    }
                    seen.append(line).append('\n');
                }
                return seen.toString();
            } catch (IOException e) {
                return e.getMessage();
            }
        });
        try {
            String result = ready.get(20, TimeUnit.SECONDS);
            if (!"ready".equals(result)) {
                process.destroyForcibly();
                throw new AssertionError("aedes did not start:\n" + result);
            }
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("aedes did not say ready within 20 s", e);
        }
    }
}
