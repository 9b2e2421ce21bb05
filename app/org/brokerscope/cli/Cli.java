package org.brokerscope.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.brokerscope.Version;

/** The headless commands: {@code brokerscope <command> [options]}. */
public final class Cli {
    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs one command and returns the process exit code. */
    public int run(String[] args) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "broker" -> new BrokerCommand(out, err).run(rest);
            case "bench" -> new BenchCommand(out, err).run(rest);
            case "sensors" -> new SensorsCommand(out, err).run(rest);
            case "--version", "version" -> {
                out.println("Brokerscope " + Version.current());
                yield 0;
            }
            case "--help", "-h", "help" -> {
                usage(out);
                yield 0;
            }
            default -> {
                err.println("Unknown command: " + args[0]);
                usage(err);
                yield 2;
            }
        };
    }

    private static void usage(PrintStream to) {
        to.println("""
                Usage: brokerscope [command] [options]

                With no command, opens the Brokerscope window.

                Commands:
                  broker [--port N] [--bind ADDRESS]   run the embedded MQTT broker without a window
                                                       (default 127.0.0.1:1883; Ctrl-C stops it)
                  sensors [--broker mqtt://HOST:PORT] [--scenario house|classroom|weather|load|FILE.json]
                          [--rooms N|--desks N|--sensors N] [--speed X]
                                                       run virtual sensors without a window (Ctrl-C stops them)
                  bench ingest [options]               throughput of mosquitto_sub, bare Paho and Brokerscope
                                                       on the same stream (needs mosquitto installed)
                  version                              print the version
                  help                                 print this help""");
    }
}
