package org.brokerscope.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.brokerscope.broker.FreePorts;

/**
 * A Mosquitto broker started as a child process on a free loopback port, for benchmarks that need a
 * reference broker. Queues are unlimited and QoS 0 messages are queued for offline persistent
 * sessions, so a whole stream can be stored first and replayed to each subscriber in turn.
 */
public final class LocalMosquitto implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path folder;

    private LocalMosquitto(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    public static LocalMosquitto start(String executable) throws IOException, InterruptedException {
        int port = FreePorts.any("127.0.0.1");
        Path folder = Files.createTempDirectory("brokerscope-mosquitto-");
        Path config = folder.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "max_queued_messages 0",
                "max_queued_bytes 0",
                "queue_qos0_messages true",
                "max_inflight_messages 0",
                "log_dest file " + folder.resolve("mosquitto.log"),
                ""));
        Process process = new ProcessBuilder(executable, "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("stdout.log").toFile()).start();
        LocalMosquitto broker = new LocalMosquitto(process, port, folder);
        broker.awaitListening();
        return broker;
    }

    public int port() {
        return port;
    }

    public String tcpUri() {
        return "tcp://127.0.0.1:" + port;
    }

    private void awaitListening() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with " + process.exitValue() + ": "
                        + Files.readString(folder.resolve("stdout.log")));
            }
            if (FreePorts.isListening("127.0.0.1", port)) {
                return;
            }
            Thread.sleep(50);
        }
        close();
        throw new IOException("mosquitto did not listen on port " + port + " within 10 s");
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(5));
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp folder is harmless.
        }
    }
}
