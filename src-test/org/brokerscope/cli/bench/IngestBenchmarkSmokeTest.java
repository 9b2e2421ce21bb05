package org.brokerscope.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves {@code bench ingest} works end to end on a tiny stream; the figures themselves are not tested. */
class IngestBenchmarkSmokeTest {

    @Test
    void aTinyIngestBenchmarkCompletesForAllThreeSubscribersAndWritesJson(@TempDir Path folder) throws Exception {
        Path json = folder.resolve("ingest.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IngestOptions options = new IngestOptions(Optional.empty(), 2_000, 50, 100, 0, 1, json);

        int exit = IngestBenchmark.main(options, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.contains("| Brokerscope / bare Paho |"), printed);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        JsonNode drains = report.get("drains");
        assertEquals(3, drains.size());
        for (JsonNode drain : drains) {
            assertEquals(drain.get("expected").asLong(), drain.get("received").asLong(), drain.toString());
            assertTrue(drain.get("seconds").asDouble() > 0, drain.toString());
        }
    }
}
