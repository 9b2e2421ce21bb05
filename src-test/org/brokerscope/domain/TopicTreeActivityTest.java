package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the tree keeps per level beyond the last value: retained, rates, subtree totals and history. */
class TopicTreeActivityTest {
    private final TopicTree tree = new TopicTree(new HistoryLimits(5, 1_000));
    private long nanos = 1_000_000_000L;

    private Message at(String topic, String payload, boolean retained, long stepMillis) {
        nanos += stepMillis * 1_000_000L;
        Message m = new Message(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained, MessageProperties.NONE,
                nanos / 1_000_000L, nanos);
        tree.apply(m);
        return m;
    }

    @Test
    void parentsCarryTheTotalsOfTheirSubtree() {
        at("maison/salon/temperature", "20", false, 0);
        at("maison/salon/humidity", "40", false, 10);
        at("maison/cuisine/temperature", "21", false, 10);
        at("maison/cuisine/temperature", "22", false, 10);

        TopicSnapshot maison = tree.find("maison").orElseThrow().snapshot();
        assertEquals(4, maison.subtreeMessageCount());
        assertEquals(3, maison.subtreeTopicCount());
        assertTrue(maison.hasDescendants());
        assertEquals(0, maison.messageCount(), "maison itself received nothing");
        TopicSnapshot cuisine = tree.find("maison/cuisine").orElseThrow().snapshot();
        assertEquals(2, cuisine.subtreeMessageCount());
        assertEquals(nanos / 1_000_000L, maison.subtreeLastMillis());
    }

    @Test
    void theRateFollowsASteadyStreamAndDecaysWhenItStops() {
        for (int i = 0; i < 200; i++) {
            at("sensor", "1", false, 100); // 10 msg/s for 20 s
        }
        TopicSnapshot s = tree.find("sensor").orElseThrow().snapshot();
        assertEquals(10.0, s.rateAt(nanos), 1.0);
        assertEquals(10.0, tree.find("sensor").orElseThrow().snapshot().subtreeRateAt(nanos), 1.0);
        assertTrue(s.rateAt(nanos + 30_000_000_000L) < 0.1, "quiet for 30 s reads near zero");
    }

    @Test
    void retainedIsHeldUntilAnEmptyPayloadDeletesIt() {
        at("a/b", "x", true, 0);
        assertTrue(tree.find("a/b").orElseThrow().holdsRetained());
        at("a/b", "y", false, 1);
        assertTrue(tree.find("a/b").orElseThrow().holdsRetained(), "a live message does not delete the retained one");
        at("a/c", "z", true, 1);
        assertEquals(List.of("a/b", "a/c"), sorted(tree.retainedTopicsUnder("a")));
        at("a/b", "", false, 1);
        assertFalse(tree.find("a/b").orElseThrow().holdsRetained());
        assertEquals(List.of("a/c"), tree.retainedTopicsUnder("a"));
    }

    @Test
    void historyIsARingBufferOfTheLastEntries() {
        for (int i = 0; i < 12; i++) {
            at("t", "v" + i, false, 1);
        }
        List<Message> history = tree.find("t").orElseThrow().history();
        assertEquals(5, history.size());
        assertEquals("v7", new String(history.get(0).payload(), StandardCharsets.UTF_8));
        assertEquals("v11", new String(history.get(4).payload(), StandardCharsets.UTF_8));
        assertEquals(5, tree.find("t").orElseThrow().snapshot().historySize());
    }

    @Test
    void historyBytesAreCappedByEvictingOldEntriesNeverByCuttingAPayload() {
        at("big", "a".repeat(400), false, 1);
        at("big", "b".repeat(400), false, 1);
        at("big", "c".repeat(900), false, 1); // over the 1,000-byte cap with either older entry
        List<Message> history = tree.find("big").orElseThrow().history();
        assertEquals(1, history.size());
        assertEquals(900, history.get(0).payloadSize());
        at("big", "d".repeat(5_000), false, 1); // larger than the cap alone: still kept whole as the latest
        assertEquals(5_000, tree.find("big").orElseThrow().history().getLast().payloadSize());
    }

    @Test
    void pastTheTotalBudgetEveryTopicKeepsOnlyItsLastFewMessages() {
        TopicTree small = new TopicTree(new HistoryLimits(100, 1_000_000, 50_000));
        for (int i = 0; i < 2_000; i++) {
            small.apply(Message.received("t/" + (i % 20), new byte[1_000], 0, false));
        }
        // 20 topics x 100 entries x 1 KB would be 2 MB; past the budget each keeps about 8 KB.
        assertTrue(small.historyCost() < 20 * 9 * 1_100 + 20 * 2_048, "cost " + small.historyCost());
        // Around the budget a topic may grow by one before the next message squeezes it again.
        int kept = small.find("t/3").orElseThrow().history().size();
        assertTrue(kept >= HistoryLimits.SQUEEZED_ENTRIES && kept <= HistoryLimits.SQUEEZED_ENTRIES + 1, "kept " + kept);
    }

    @Test
    void keptMessagesShareTheNodesTopicString() {
        at("maison/salon", "1", false, 1);
        Message second = new Message(new String("maison/salon"), new byte[] {1}, 0, false, MessageProperties.NONE, 1, nanos + 1);
        tree.apply(second);
        TopicNode node = tree.find("maison/salon").orElseThrow();
        assertTrue(node.history().stream().allMatch(m -> m.topic() == node.topic()));
    }

    @Test
    void theHistoryLimitCanChangeWhileRunning() {
        for (int i = 0; i < 5; i++) {
            at("t", "v" + i, false, 1);
        }
        tree.setHistoryLimits(tree.historyLimits().withEntries(2));
        at("t", "v5", false, 1);
        assertEquals(2, tree.find("t").orElseThrow().history().size());
    }

    @Test
    void twoHundredLevelsAndOddCharactersAreJustLevels() {
        String deep = String.join("/", java.util.Collections.nCopies(200, "level"));
        at(deep, "x", false, 1);
        at("with space/émoji 🚀/ok", "y", false, 1);
        List<String> levels = new ArrayList<>();
        tree.forEachLevel(n -> levels.add(n.topic()));
        assertEquals(200 + 3, levels.size());
        assertTrue(levels.contains("with space/émoji 🚀"));
        assertEquals(1, tree.find("level").orElseThrow().subtreeMessageCount());
    }

    @Test
    void systemTopicsFormTheirOwnRoot() {
        at("$SYS/broker/clients/connected", "3", true, 1);
        at("maison/salon", "1", false, 1);
        List<String> roots = tree.root().children().stream().map(TopicNode::name).sorted().toList();
        assertEquals(List.of("$SYS", "maison"), roots);
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }
}
