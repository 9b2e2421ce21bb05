package org.brokerscope.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.brokerscope.broker.FreePorts;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;

/**
 * {@code brokerscope bench frames}: the app's FX frame times while a publisher in this process drives its
 * embedded broker at 0, 2,000 and 20,000 msg/s over 10,000 topics. The app runs as a child process with
 * frame statistics on; its view is the default one (Topics). Needs a display.
 */
public final class FramesBenchmark {
    private static final List<Integer> RATES = List.of(0, 2_000, 20_000);
    private static final int TOPICS = 10_000;
    private static final int PHASE_SECONDS = 20;

    private FramesBenchmark() {
    }

    public static int main(PrintStream out) throws Exception {
        int port = FreePorts.any("127.0.0.1");
        Path config = Files.createTempDirectory("brokerscope-frames-");
        Files.createDirectories(config.resolve("brokerscope"));
        Files.writeString(config.resolve("brokerscope/settings.json"),
                "{\"embeddedBrokerPort\":" + port + ",\"demoSensors\":false}");
        List<String> reports = new CopyOnWriteArrayList<>();
        Process app = startApp(config, reports);
        try {
            awaitPort(port);
            Thread.sleep(3_000); // let the window settle after connecting
            out.println("| msg/s offered | FX frames p50 | p99 | max | frames over 16.7 ms |");
            out.println("|---:|---:|---:|---:|---:|");
            try (BrokerConnection publisher = new PahoV5Connection(
                    ConnectionSettings.of("tcp://127.0.0.1:" + port, "bench-frames-pub"), m -> { })) {
                publisher.connect().get(10, TimeUnit.SECONDS);
                for (int rate : RATES) {
                    reports.clear();
                    if (rate == 0) {
                        Thread.sleep(PHASE_SECONDS * 1_000L);
                    } else {
                        SteadyPublisher.publish(publisher, "frames/site/t", TOPICS, rate, (long) rate * PHASE_SECONDS, 100);
                    }
                    // The first report of a phase straddles the change of rate; quote the last one.
                    out.printf("| %,d | %s |%n", rate, reports.isEmpty() ? "no report" : reports.get(reports.size() - 1));
                }
            }
        } finally {
            ChildProcesses.stop(app, Duration.ofSeconds(15));
        }
        return 0;
    }

    private static Process startApp(Path config, List<String> reports) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Dbrokerscope.frameStats=true", "-cp", System.getProperty("java.class.path"), "org.brokerscope.Main")
                .redirectErrorStream(true);
        builder.environment().put("XDG_CONFIG_HOME", config.toString());
        Process process = builder.start();
        Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    int at = line.indexOf("Frames: ");
                    if (at >= 0) {
                        reports.add(format(line.substring(at + "Frames: ".length())));
                    }
                }
            } catch (IOException e) {
                // The app has gone; the phase reports what it got.
            }
        });
        return process;
    }

    // "n=300 p50=16.7 ms p99=17.0 ms max=18.2 ms over16.7=0.3%" -> "16.7 ms | 17.0 ms | 18.2 ms | 0.3%"
    private static String format(String stats) {
        String[] parts = stats.replaceAll("n=\\d+ ", "").replace(" ms", "").split(" ");
        return parts[0].substring(4) + " ms | " + parts[1].substring(4) + " ms | " + parts[2].substring(4) + " ms | "
                + parts[3].substring(parts[3].indexOf('=') + 1);
    }

    private static void awaitPort(int port) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (FreePorts.isListening("127.0.0.1", port)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IOException("The app's embedded broker never listened on " + port + "; is there a display?");
    }
}
