package org.brokerscope.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.brokerscope.broker.FreePorts;
import org.brokerscope.cli.bench.ChildProcesses;

/**
 * A real Mosquitto broker, run as a child process on a free loopback port with its own config file.
 *
 * <p>{@link #stop()} and {@link #restart()} keep the port, so a test can take the broker away under a
 * connected client and bring it back where the client expects it. {@link #close()} stops the process
 * and deletes the temporary files.
 */
public final class MosquittoBroker implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final String HOST = "127.0.0.1";
    private static final long START_DEADLINE_MS = 10_000;

    private final int port;
    private final Path folder;
    private final Path config;
    private final Path log;
    private Process process;

    private MosquittoBroker(int port, Path folder, String extraConfig) throws IOException {
        this.port = port;
        this.folder = folder;
        this.config = folder.resolve("mosquitto.conf");
        this.log = folder.resolve("mosquitto.log");
        Files.writeString(config, configText(port).replace("allow_anonymous true\n", "") + extraConfig);
    }

    /** Starts Mosquitto on a free loopback port and waits until it accepts connections. */
    public static MosquittoBroker start() {
        return start(folder -> "allow_anonymous true\n");
    }

    /** Mosquitto that accepts only {@code user} with {@code password}, from a mosquitto_passwd file. */
    public static MosquittoBroker startWithPassword(String user, String password) {
        return start(folder -> {
            Path file = folder.resolve("passwords");
            run("mosquitto_passwd", "-b", "-c", file.toString(), user, password);
            // Started as root, Mosquitto drops to the 'mosquitto' user before it reads the file; the temp
            // folder is 0700, so let that user in (the file holds only a salted hash of a test password).
            readableByAll(folder);
            readableByAll(file);
            return "allow_anonymous false\npassword_file " + file + "\n";
        });
    }

    /** Extra config lines, written by a step that may put files (passwords, certificates) in the broker's folder. */
    @FunctionalInterface
    public interface ConfigStep {
        String write(Path folder) throws IOException;
    }

    public static void readableByAll(Path path) throws IOException {
        boolean dir = Files.isDirectory(path);
        Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(
                dir ? "rwxr-xr-x" : "rw-r--r--"));
    }

    public static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted running " + command[0], e);
        }
    }

    public static MosquittoBroker start(ConfigStep extra) {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("Mosquitto is needed for this test but " + BINARY
                    + " is missing; install it with: apt-get install mosquitto");
        }
        Path folder = createFolder();
        boolean started = false;
        try {
            MosquittoBroker broker = new MosquittoBroker(FreePorts.any(HOST), folder, extra.write(folder));
            broker.launch();
            started = true;
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!started) {
                deleteQuietly(folder);
            }
        }
    }

    public int port() {
        return port;
    }

    public String tcpUri() {
        return "tcp://" + HOST + ":" + port;
    }

    /** Stops the broker process; connected clients see the connection drop. The port is kept. */
    public void stop() {
        if (process == null) {
            return;
        }
        ChildProcesses.stop(process, Duration.ofSeconds(5));
        process = null;
    }

    /** Stops the broker if it runs, then starts a fresh one (no sessions, no retained messages) on the same port. */
    public void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Freezes the broker process (SIGSTOP): its sockets stay open but nothing answers, like a network cut
     * without a clean close. {@link #resume()} undoes it.
     */
    public void pause() {
        signal("-STOP");
    }

    /** Lets a paused broker run again (SIGCONT). */
    public void resume() {
        signal("-CONT");
    }

    private void signal(String which) {
        try {
            run("kill", which, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Mosquitto that saves its state (sessions, their queued QoS 1/2 messages) to its folder when it stops
     * and loads it when {@link #restart()} starts it again, as a production broker does.
     */
    public static MosquittoBroker startPersistent() {
        return start(folder -> {
            // Mosquitto started as root writes its database as the 'mosquitto' user it drops to.
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            // Later lines win: this turns persistence back on after the default "persistence false".
            return "allow_anonymous true\npersistence true\npersistence_location " + folder + "/\n";
        });
    }

    @Override
    public void close() {
        resumeIfPaused();
        stop();
        deleteQuietly(folder);
    }

    private void resumeIfPaused() {
        if (process != null && process.isAlive()) {
            signal("-CONT"); // a stopped process ignores SIGTERM until continued
        }
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitListening();
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DEADLINE_MS);
        while (!FreePorts.isListening(HOST, port)) {
            if (!process.isAlive()) {
                throw new AssertionError("Mosquitto exited with code " + process.exitValue() + " before listening on "
                        + HOST + ":" + port + ". Its log:\n" + logText());
            }
            if (System.nanoTime() - deadline > 0) {
                stop();
                throw new AssertionError("Mosquitto did not listen on " + HOST + ":" + port + " within "
                        + START_DEADLINE_MS + " ms. Its log:\n" + logText());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for Mosquitto", e);
            }
        }
    }

    /** What Mosquitto printed so far, for failure messages. */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static String configText(int port) {
        // persistence off: each (re)start is a clean broker. The queue limit is raised because some
        // distributions ship 100, which silently drops messages in a burst.
        return """
                listener %d %s
                allow_anonymous true
                persistence false
                max_queued_messages 100000
                log_dest stderr
                log_type error
                log_type warning
                log_type notice
                """.formatted(port, HOST);
    }


    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp folder is harmless; the test result is what matters.
        }
    }

    private static Path createFolder() {
        try {
            return Files.createTempDirectory("brokerscope-mosquitto-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
