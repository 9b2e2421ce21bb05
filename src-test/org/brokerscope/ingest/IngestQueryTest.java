package org.brokerscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.Message;
import org.brokerscope.testing.Eventually;
import org.junit.jupiter.api.Test;

/** Questions to the ingest thread: history and the history limit, answered between batches. */
class IngestQueryTest {

    @Test
    void historyComesBackOldestFirstAndItsLengthCanBeChanged() throws Exception {
        try (IngestPipeline pipeline = new IngestPipeline(1_000, 1L << 20).start()) {
            assertEquals(3, pipeline.setHistoryEntries(3).get(10, TimeUnit.SECONDS).entries());
            for (int i = 0; i < 10; i++) {
                pipeline.accept(Message.received("h", String.valueOf(i).getBytes(StandardCharsets.UTF_8), 0, false));
            }
            Eventually.await(Duration.ofSeconds(10), () -> pipeline.stats().applied() == 10, () -> "stats " + pipeline.stats());
            List<Message> history = pipeline.history("h").get(10, TimeUnit.SECONDS);
            assertEquals(List.of("7", "8", "9"), history.stream().map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList());
            assertEquals(List.of(), pipeline.history("unknown").get(10, TimeUnit.SECONDS));
        }
    }
}
