package org.brokerscope.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code brokerscope bench startup}: launch to window and launch to first live value for Brokerscope,
 * beside a bare JavaFX window started the same way (same JVM, classpath and flags), alternating runs.
 * Needs a display (DISPLAY, or run it under xvfb-run).
 */
public final class StartupBenchmark {
    private static final Pattern WINDOW = Pattern.compile("Window shown ([\\d,.]+) ms after launch");
    private static final Pattern FIRST_VALUE = Pattern.compile("First live value shown ([\\d,.]+) ms after launch");
    // Named, not imported: cli must not depend on the ui package.
    private static final String HELLO = "org.brokerscope.ui.HelloWindow";
    private static final String APP = "org.brokerscope.Main";

    private StartupBenchmark() {
    }

    record Launch(long windowMs, OptionalLong firstValueMs) {
    }

    public static int main(int runs, PrintStream out) throws IOException, InterruptedException {
        List<Long> helloWindow = new ArrayList<>();
        List<Long> appWindow = new ArrayList<>();
        List<Long> appFirstValue = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Launch hello = launch(HELLO, false);
            Launch app = launch(APP, true);
            out.printf("Run %d: hello window %d ms; Brokerscope window %d ms, first live value %s ms%n", run,
                    hello.windowMs(), app.windowMs(), app.firstValueMs().isPresent() ? app.firstValueMs().getAsLong() : "—");
            helloWindow.add(hello.windowMs());
            appWindow.add(app.windowMs());
            app.firstValueMs().ifPresent(appFirstValue::add);
        }
        out.printf("%n| Median over %d runs | ms | × hello window |%n|---|---:|---:|%n", runs);
        double hello = median(helloWindow);
        out.printf("| Bare JavaFX window | %.0f | 1.00 |%n", hello);
        out.printf("| Brokerscope window | %.0f | %.2f |%n", median(appWindow), median(appWindow) / hello);
        out.printf("| Brokerscope first live value | %.0f | %.2f |%n", median(appFirstValue), median(appFirstValue) / hello);
        return appFirstValue.size() == runs ? 0 : 1;
    }

    private static Launch launch(String mainClass, boolean waitForValue) throws IOException, InterruptedException {
        Path config = Files.createTempDirectory("brokerscope-startup-");
        Files.createDirectories(config.resolve("brokerscope"));
        // Port 0: a broker already on 1883 must not change what is measured.
        Files.writeString(config.resolve("brokerscope/settings.json"), "{\"embeddedBrokerPort\":0}");
        ProcessBuilder builder = new ProcessBuilder(javaCommand(mainClass)).redirectErrorStream(true);
        builder.environment().put("XDG_CONFIG_HOME", config.toString());
        Process process = builder.start();
        long window = -1;
        OptionalLong firstValue = OptionalLong.empty();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
                window = window < 0 ? find(WINDOW, line).orElse(-1) : window;
                firstValue = firstValue.isPresent() ? firstValue : find(FIRST_VALUE, line);
                if (window >= 0 && (!waitForValue || firstValue.isPresent())) {
                    break;
                }
            }
        } finally {
            ChildProcesses.stop(process, Duration.ofSeconds(15));
        }
        if (window < 0) {
            throw new IOException(mainClass + " never reported its window; is there a display (DISPLAY / xvfb-run)?");
        }
        return new Launch(window, firstValue);
    }

    private static List<String> javaCommand(String mainClass) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), mainClass);
    }

    private static OptionalLong find(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1).replaceAll("[,.]", ""))) : OptionalLong.empty();
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
