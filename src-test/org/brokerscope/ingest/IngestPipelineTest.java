package org.brokerscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.testing.Eventually;
import org.junit.jupiter.api.Test;

/**
 * The pipeline without a broker. Most tests leave it unstarted on purpose: nothing drains the queue, so
 * what {@code accept} does when the queue or the byte budget is full is visible in the counters.
 */
class IngestPipelineTest {

    @Test
    void aFullQueueCountsDropsInsteadOfBlocking() {
        try (IngestPipeline pipeline = new IngestPipeline(2, 1L << 20)) {
            // Preemptive timeout: if accept() ever blocked on the full queue, this fails instead of hanging.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                for (int i = 0; i < 10; i++) {
                    pipeline.accept(message("t/" + i, 10));
                }
            });

            IngestStats stats = pipeline.stats();
            assertEquals(10, stats.received());
            assertEquals(8, stats.dropped());
            assertEquals(2, stats.queued());
            assertEquals(0, stats.applied());
        }
    }

    @Test
    void theByteBudgetDropsMessagesThatWouldExceedIt() {
        try (IngestPipeline pipeline = new IngestPipeline(100, 10)) {
            pipeline.accept(message("a", 6));
            pipeline.accept(message("b", 6)); // 12 bytes would be queued: over the budget of 10
            pipeline.accept(message("c", 4)); // exactly 10: fits

            IngestStats stats = pipeline.stats();
            assertEquals(3, stats.received());
            assertEquals(1, stats.dropped());
            assertEquals(2, stats.queued());
        }
    }

    @Test
    void aSingleOversizePayloadPassesWhenTheQueueIsEmpty() {
        try (IngestPipeline pipeline = new IngestPipeline(100, 10)) {
            pipeline.accept(message("big", 50));

            assertEquals(0, pipeline.stats().dropped(), "one large retained image must still be shown");
            assertEquals(1, pipeline.stats().queued());

            pipeline.accept(message("small", 1)); // the budget is used up by the big one
            assertEquals(1, pipeline.stats().dropped());
        }
    }

    @Test
    void aStartedPipelineAppliesMessagesAndHandsOverEachChangeOnce() {
        try (IngestPipeline pipeline = new IngestPipeline(100, 1L << 20).start()) {
            pipeline.accept(message("maison/salon/temperature", "21.0"));
            pipeline.accept(message("maison/salon/temperature", "21.1"));
            pipeline.accept(message("maison/salon/humidity", "45"));

            Map<String, TopicSnapshot> seen = new HashMap<>();
            Eventually.await(Duration.ofSeconds(5), () -> {
                seen.putAll(pipeline.takeChanges());
                // Two topics and the two levels above them, whose subtree totals changed.
                return pipeline.stats().applied() == 3 && seen.size() == 4;
            }, () -> "stats " + pipeline.stats() + ", changes " + seen.keySet());

            TopicSnapshot temperature = seen.get("maison/salon/temperature");
            assertEquals(2, temperature.messageCount());
            assertEquals("21.1", text(temperature.lastMessage().orElseThrow()));
            assertEquals(3, seen.get("maison").subtreeMessageCount());
            assertTrue(seen.get("maison").lastMessage().isEmpty(), "a level that received nothing itself");
            assertEquals(2, pipeline.stats().topicCount());
            assertEquals(0, pipeline.stats().queued());
            assertTrue(pipeline.takeChanges().isEmpty(), "changes already taken must not come back");
        }
    }

    @Test
    void theBudgetIsGivenBackOnceMessagesAreApplied() {
        try (IngestPipeline pipeline = new IngestPipeline(100, 10).start()) {
            for (int i = 0; i < 20; i++) {
                pipeline.accept(message("t", 6));
                // Wait for each to be applied, so the budget is free again before the next one.
                long expected = i + 1;
                Eventually.await(Duration.ofSeconds(5), () -> pipeline.stats().applied() == expected,
                        () -> "stats " + pipeline.stats());
            }
            assertEquals(0, pipeline.stats().dropped(), "bytes of applied messages must be released");
        }
    }

    @Test
    void resendAllHandsEveryKnownTopicOverAgain() {
        try (IngestPipeline pipeline = new IngestPipeline(100, 1L << 20).start()) {
            pipeline.accept(message("a", "1"));
            pipeline.accept(message("b/c", "2"));
            Eventually.await(Duration.ofSeconds(5), () -> pipeline.stats().applied() == 2, () -> "stats " + pipeline.stats());
            pipeline.takeChanges();

            pipeline.resendAll();

            Map<String, TopicSnapshot> all = new HashMap<>();
            Eventually.await(Duration.ofSeconds(5), () -> {
                all.putAll(pipeline.takeChanges());
                return all.size() == 3; // a, b/c and the level b
            }, () -> "resent so far: " + all.keySet());
            assertEquals("2", text(all.get("b/c").lastMessage().orElseThrow()));
        }
    }

    @Test
    void aModelThatThrowsCostsOnlyThatMessageAndIsCounted() {
        // A model that cannot take one topic's payload, e.g. a room parser meeting garbage.
        try (IngestPipeline pipeline = new IngestPipeline(100, 1L << 20).observe(m -> {
            if (m.topic().equals("bad")) {
                throw new IllegalStateException("cannot parse");
            }
        })) {
            pipeline.accept(message("good/1", "a"));
            pipeline.accept(message("bad", "b"));
            pipeline.accept(message("good/2", "c"));
            pipeline.start(); // all three now drain as one batch

            Eventually.await(Duration.ofSeconds(5), () -> pipeline.stats().applied() == 3, () -> "stats " + pipeline.stats());
            assertEquals(1, pipeline.stats().failed());
            assertEquals(0, pipeline.stats().dropped());
            Map<String, TopicSnapshot> changes = pipeline.takeChanges();
            assertTrue(changes.containsKey("good/1") && changes.containsKey("good/2"), "the rest of the batch: " + changes.keySet());
            // The byte budget came back for all three: a full budget's worth still fits.
            pipeline.accept(message("after", (1 << 20) - 1));
            assertEquals(0, pipeline.stats().dropped());
        }
    }

    private static Message message(String topic, int payloadSize) {
        return Message.received(topic, new byte[payloadSize], 0, false);
    }

    private static Message message(String topic, String payload) {
        return Message.received(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false);
    }

    private static String text(Message message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }
}
