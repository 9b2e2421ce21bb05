package org.brokerscope.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brokerscope.cli.bench.Subscribers.Drain;

/** Medians per subscriber and the ratios the issue asks for, as a table and as JSON. */
record BenchReport(IngestOptions options, List<Drain> drains) {
    static final String MOSQUITTO = "mosquitto_sub";
    static final String PAHO = "bare Paho v5";
    static final String BROKERSCOPE = "Brokerscope ingest";

    boolean complete() {
        return drains.stream().allMatch(d -> d.received() + d.dropped() == d.expected());
    }

    double median(String subscriber) {
        double[] rates = drains.stream().filter(d -> d.subscriber().equals(subscriber))
                .mapToDouble(Drain::rate).sorted().toArray();
        int n = rates.length;
        return n == 0 ? 0 : n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    }

    void printTable(PrintStream out) {
        out.println();
        out.println("| Subscriber | median msg/s |");
        out.println("|---|---:|");
        for (String s : List.of(MOSQUITTO, PAHO, BROKERSCOPE)) {
            out.printf("| %s | %,.0f |%n", s, median(s));
        }
        out.printf("| Brokerscope / mosquitto_sub | %.2f |%n", median(BROKERSCOPE) / median(MOSQUITTO));
        out.printf("| Brokerscope / bare Paho | %.2f |%n", median(BROKERSCOPE) / median(PAHO));
        long dropped = drains.stream().mapToLong(Drain::dropped).sum();
        out.printf("Dropped by Brokerscope's ingest queue: %,d%s%n", dropped, complete() ? "" : " — INCOMPLETE RUN");
    }

    void writeJson(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "ingest");
        json.put("date", Instant.now().toString());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("options", Map.of("messages", options.messages(), "topics", options.topics(),
                "payloadBytes", options.payload(), "qos", options.qos(), "runs", options.runs()));
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String s : List.of(MOSQUITTO, PAHO, BROKERSCOPE)) {
            medians.put(s, median(s));
        }
        json.put("medianMsgPerSecond", medians);
        json.put("ratioBrokerscopeToMosquittoSub", median(BROKERSCOPE) / median(MOSQUITTO));
        json.put("ratioBrokerscopeToPaho", median(BROKERSCOPE) / median(PAHO));
        json.put("drains", drains);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }
}
