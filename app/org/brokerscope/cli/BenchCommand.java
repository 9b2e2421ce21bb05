package org.brokerscope.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.brokerscope.cli.bench.IngestBenchmark;
import org.brokerscope.cli.bench.IngestOptions;

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
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "ingest" -> IngestBenchmark.main(IngestOptions.parse(rest), out, err);
                default -> {
                    err.println("Unknown benchmark: " + args[0] + " (available: ingest)");
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
