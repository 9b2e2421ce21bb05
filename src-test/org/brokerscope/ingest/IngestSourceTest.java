package org.brokerscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.TopicNode;
import org.brokerscope.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A broker switch: the new source's first message clears the tree; the replaced source is shut out. */
class IngestSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final IngestPipeline pipeline = IngestPipeline.withDefaults().start();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void theNewSourcesFirstMessageClearsTheTreeAndTheOldSourceIsDiscarded() throws Exception {
        IngestSource embedded = pipeline.newSource();
        embedded.activate();
        embedded.accept(message("maison/salon/temperature"));
        embedded.accept(message("maison/cuisine/temperature"));
        awaitTopics(List.of("maison/cuisine/temperature", "maison/salon/temperature"));
        assertEquals(0, pipeline.epoch());

        IngestSource mosquitto = pipeline.newSource();
        assertFalse(mosquitto.isActive(), "a new source waits for its first message or the switch");
        mosquitto.accept(message("usine/ligne1/vitesse"));
        embedded.accept(message("maison/salon/humidity")); // the old connection, still closing
        awaitTopics(List.of("usine/ligne1/vitesse"));
        assertTrue(mosquitto.isActive());
        assertEquals(1, pipeline.epoch());
        assertEquals(1, pipeline.discardedFromReplacedSources());
        Eventually.await(WAIT, () -> pipeline.stats().applied() == 3, () -> "stats " + pipeline.stats());
        assertEquals(0, pipeline.stats().dropped());

        // Back to the first broker: it starts again from an empty tree.
        embedded.activate();
        embedded.accept(message("maison/salon/temperature"));
        awaitTopics(List.of("maison/salon/temperature"));
        assertEquals(2, pipeline.epoch());
    }

    @Test
    void aSwitchToAQuietBrokerStillClearsTheTree() throws Exception {
        IngestSource first = pipeline.newSource();
        first.accept(message("a/b"));
        awaitTopics(List.of("a/b"));
        pipeline.newSource().activate();
        awaitTopics(List.of());
        assertTrue(pipeline.takeChanges().isEmpty(), "no change of the old broker is handed to the views");
    }

    private void awaitTopics(List<String> expected) {
        Eventually.await(WAIT, () -> topics().equals(expected), () -> "topics " + topics());
    }

    private List<String> topics() {
        try {
            return pipeline.query(t -> t.topics().stream().map(TopicNode::topic).sorted().toList()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Message message(String topic) {
        return Message.received(topic, "1".getBytes(StandardCharsets.UTF_8), 0, false);
    }
}
