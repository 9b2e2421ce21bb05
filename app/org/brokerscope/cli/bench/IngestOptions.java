package org.brokerscope.cli.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code brokerscope bench ingest} measures.
 *
 * @param broker    an existing broker's tcp:// URI, or empty to start a local Mosquitto
 * @param messages  messages in the stream
 * @param topics    distinct topics the stream cycles through
 * @param payload   payload size in bytes
 * @param qos       publish and subscribe QoS
 * @param runs      repetitions; the report quotes medians
 * @param json      where to write the JSON results
 */
public record IngestOptions(Optional<String> broker, long messages, int topics, int payload, int qos, int runs, Path json) {

    public static IngestOptions parse(String[] args) {
        Optional<String> broker = Optional.empty();
        long messages = 200_000;
        int topics = 1_000;
        int payload = 100;
        int qos = 0;
        int runs = 3;
        Path json = Path.of("bench-ingest.json");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--broker" -> broker = Optional.of(required(args[i], value));
                case "--messages" -> messages = Long.parseLong(required(args[i], value));
                case "--topics" -> topics = Integer.parseInt(required(args[i], value));
                case "--payload" -> payload = Integer.parseInt(required(args[i], value));
                case "--qos" -> qos = Integer.parseInt(required(args[i], value));
                case "--runs" -> runs = Integer.parseInt(required(args[i], value));
                case "--json" -> json = Path.of(required(args[i], value));
                default -> throw new IllegalArgumentException("Unknown option for bench ingest: " + args[i]);
            }
            i++;
        }
        if (messages < 1 || topics < 1 || payload < 0 || qos < 0 || qos > 1 || runs < 1) {
            throw new IllegalArgumentException("Need messages ≥ 1, topics ≥ 1, payload ≥ 0, qos 0 or 1, runs ≥ 1");
        }
        return new IngestOptions(broker, messages, topics, payload, qos, runs, json);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
