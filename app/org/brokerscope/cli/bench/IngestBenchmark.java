package org.brokerscope.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brokerscope.cli.bench.Subscribers.Drain;

/**
 * {@code brokerscope bench ingest}: the same stream received by mosquitto_sub, a bare Paho v5 callback
 * and Brokerscope's ingest path, one after another, in the same run; repeated, medians reported.
 */
public final class IngestBenchmark {
    private final IngestOptions options;
    private final PrintStream out;

    public IngestBenchmark(IngestOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public BenchReport run() throws Exception {
        Optional<LocalMosquitto> local = Optional.empty();
        try {
            if (options.broker().isEmpty()) {
                local = Optional.of(LocalMosquitto.start("mosquitto"));
            }
            String uri = options.broker().orElseGet(local.orElseThrow()::tcpUri);
            int port = URI.create(uri).getPort();
            out.printf("Broker %s; %,d messages over %,d topics, %d-byte payloads, QoS %d, %d run(s)%n",
                    uri, options.messages(), options.topics(), options.payload(), options.qos(), options.runs());
            List<Drain> drains = new ArrayList<>();
            for (int run = 1; run <= options.runs(); run++) {
                drains.addAll(oneRun(uri, port, run));
            }
            return new BenchReport(options, drains);
        } finally {
            local.ifPresent(LocalMosquitto::close);
        }
    }

    private List<Drain> oneRun(String uri, int port, int run) throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String mosquittoId = "bench-mosq-" + tag;
        String pahoId = "bench-paho-" + tag;
        String brokerscopeId = "bench-bs-" + tag;
        Subscribers.registerMosquittoSub(port, mosquittoId, options.qos());
        Subscribers.drainBarePaho(uri, pahoId, options.qos(), 0, true);
        Subscribers.drainBrokerscope(uri, brokerscopeId, options.qos(), 0, true);

        long start = System.nanoTime();
        long expected = StreamPublisher.publish(uri, options);
        out.printf("Run %d: stream queued for three subscribers in %.1f s%n", run, (System.nanoTime() - start) / 1e9);

        List<Drain> drains = new ArrayList<>();
        drains.add(Subscribers.drainMosquittoSub(port, mosquittoId, options.qos(), expected));
        // Whoever drains later finds a broker that has just worked harder and a JVM with more garbage;
        // alternate the two Java subscribers so that this cancels out over the runs.
        if (run % 2 == 1) {
            drains.add(Subscribers.drainBarePaho(uri, pahoId, options.qos(), expected, false));
            drains.add(Subscribers.drainBrokerscope(uri, brokerscopeId, options.qos(), expected, false));
        } else {
            drains.add(Subscribers.drainBrokerscope(uri, brokerscopeId, options.qos(), expected, false));
            drains.add(Subscribers.drainBarePaho(uri, pahoId, options.qos(), expected, false));
        }
        for (Drain d : drains) {
            out.printf("  %-20s %,10d msg in %6.2f s = %,9.0f msg/s%s%n", d.subscriber(), d.received(), d.seconds(),
                    d.rate(), d.dropped() > 0 ? "  (dropped " + d.dropped() + ")" : "");
        }
        return drains;
    }

    /** Runs the benchmark, prints the table and writes the JSON; returns the exit code. */
    public static int main(IngestOptions options, PrintStream out, PrintStream err) {
        try {
            BenchReport report = new IngestBenchmark(options, out).run();
            report.printTable(out);
            report.writeJson(options.json());
            out.println("JSON written to " + options.json().toAbsolutePath());
            return report.complete() ? 0 : 1;
        } catch (IOException e) {
            err.println("Benchmark failed: " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("mosquitto") ? "" : " (is mosquitto installed?)"));
            return 1;
        } catch (Exception e) {
            err.println("Benchmark failed: " + e);
            return 1;
        }
    }
}
