package org.brokerscope.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;
import org.brokerscope.cli.bench.FleetBenchmark;
import org.brokerscope.cli.bench.FramesBenchmark;
import org.brokerscope.cli.bench.RoomsBenchmark;
import org.brokerscope.cli.bench.IngestBenchmark;
import org.brokerscope.cli.bench.IngestOptions;
import org.brokerscope.cli.bench.LatencyBenchmark;
import org.brokerscope.cli.bench.MemoryBenchmark;
import org.brokerscope.cli.bench.PaintLatencyBenchmark;
import org.brokerscope.cli.bench.SoakBenchmark;
import org.brokerscope.cli.bench.StartupBenchmark;

/** {@code brokerscope bench <what>}: benchmarks users can run too; they print a table and write JSON. */
final class BenchCommand {
    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length == 0) {
            err.println("Usage: brokerscope bench ingest [--broker tcp://HOST:PORT] [--messages N] [--topics N]"
                    + " [--payload BYTES] [--qos 0|1] [--runs N] [--json FILE]");
            err.println("       brokerscope bench memory");
            err.println("       brokerscope bench latency [--broker tcp://HOST:PORT]");
            err.println("       brokerscope bench latency --paint   (publish to a laid-out frame; needs a display)");
            err.println("       brokerscope bench startup        (needs a display)");
            err.println("       brokerscope bench frames [--view topics|graph|rooms] [--load topics|graph] [--broker embedded|mosquitto|mosquitto-sub] [--seconds N]   (needs a display)");
            err.println("       brokerscope bench fleet [--sensors N]");
            err.println("       brokerscope bench rooms");
            err.println("       brokerscope bench soak [--minutes N]   (5,000 msg/s over 10,000 topics)");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "ingest" -> IngestBenchmark.main(IngestOptions.parse(rest), out, err);
                case "memory" -> MemoryBenchmark.main(out);
                case "latency" -> rest.length == 1 && rest[0].equals("--paint") ? PaintLatencyBenchmark.main(out)
                        : LatencyBenchmark.main(brokerOption(rest), out);
                case "startup" -> StartupBenchmark.main(5, out);
                case "frames" -> FramesBenchmark.main(out, FramesBenchmark.viewOption(rest),
                        FramesBenchmark.loadOption(rest), FramesBenchmark.brokerOption(rest),
                        FramesBenchmark.secondsOption(rest));
                case "fleet" -> FleetBenchmark.main(sensorsOption(rest), out);
                case "rooms" -> RoomsBenchmark.main(out);
                case "soak" -> SoakBenchmark.main(minutesOption(rest), 5_000, 10_000, out);
                default -> {
                    err.println("Unknown benchmark: " + args[0] + " (available: ingest, memory, latency, startup, frames, fleet, soak, rooms)");
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println("Benchmark failed: " + e);
            return 1;
        }
    }

    private static int sensorsOption(String[] args) {
        return intOption(args, "--sensors", 100);
    }

    private static int minutesOption(String[] args) {
        return intOption(args, "--minutes", 10);
    }

    private static int intOption(String[] args, String name, int fallback) {
        if (args.length == 2 && args[0].equals(name)) {
            return Integer.parseInt(args[1]);
        }
        if (args.length != 0) {
            throw new IllegalArgumentException("Expected only " + name + " N");
        }
        return fallback;
    }

    private static Optional<String> brokerOption(String[] args) {
        if (args.length == 2 && args[0].equals("--broker")) {
            return Optional.of(args[1]);
        }
        if (args.length != 0) {
            throw new IllegalArgumentException("Expected only --broker tcp://HOST:PORT");
        }
        return Optional.empty();
    }
}
