package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTreeTest {
    private final TopicTree tree = new TopicTree();

    @Test
    void countsMessagesPerTopicAndPerSubtree() {
        apply("maison/salon/temperature", "21.0");
        apply("maison/salon/temperature", "21.1");
        apply("maison/salon/humidity", "45");
        apply("maison/cuisine/temperature", "22.5");
        apply("jardin/pluie", "0");

        assertEquals(2, node("maison/salon/temperature").messageCount());
        assertEquals(2, node("maison/salon/temperature").subtreeMessageCount());
        assertEquals(0, node("maison/salon").messageCount(), "an intermediate level received nothing itself");
        assertEquals(3, node("maison/salon").subtreeMessageCount());
        assertEquals(4, node("maison").subtreeMessageCount());
        assertEquals(5, tree.root().subtreeMessageCount(), "the root counts every message");
    }

    @Test
    void findsIntermediateLevelsThatNeverReceivedAMessage() {
        apply("maison/salon/temperature", "21.0");

        TopicNode salon = node("maison/salon");
        assertEquals("salon", salon.name());
        assertEquals("maison/salon", salon.topic());
        assertTrue(salon.lastMessage().isEmpty());
        assertSame(node("maison"), salon.parent().orElseThrow());
        assertEquals(List.of("temperature"), salon.children().stream().map(TopicNode::name).toList());
        assertFalse(tree.find("maison/garage").isPresent());
        assertFalse(tree.find("maison/salon/temperature/extra").isPresent());
    }

    @Test
    void aLeadingSlashMakesAnEmptyFirstLevel() {
        apply("/a", "x");

        TopicNode empty = single(tree.root().children());
        assertEquals("", empty.name());
        TopicNode a = single(empty.children());
        assertEquals("a", a.name());
        assertEquals("/a", a.topic(), "the topic must read back exactly as published");
        assertSame(a, node("/a"));
        assertEquals(1, empty.subtreeMessageCount());
    }

    @Test
    void aDoubleSlashKeepsTheEmptyLevelInTheMiddle() {
        apply("a//b", "x");

        TopicNode a = node("a");
        TopicNode middle = single(a.children());
        assertEquals("", middle.name());
        assertEquals("a/", middle.topic());
        assertSame(middle, node("a/"), "the empty level can be found by its own topic");
        TopicNode b = single(middle.children());
        assertEquals("a//b", b.topic());
        assertSame(b, node("a//b"));
    }

    @Test
    void aTrailingSlashIsATopicOfItsOwnBesideItsParent() {
        apply("a", "parent");
        apply("a/", "child");

        TopicNode a = node("a");
        TopicNode trailing = node("a/");
        assertEquals("", trailing.name());
        assertSame(a, trailing.parent().orElseThrow());
        assertEquals("parent", text(a.lastMessage().orElseThrow()));
        assertEquals("child", text(trailing.lastMessage().orElseThrow()));
        assertEquals(2, a.subtreeMessageCount());
        assertEquals(2, tree.topicCount());
    }

    @Test
    void keepsTheLastMessageOfEachTopic() {
        apply("maison/salon/temperature", "21.0");
        Message last = apply("maison/salon/temperature", "21.7");

        TopicNode node = node("maison/salon/temperature");
        Message kept = node.lastMessage().orElseThrow();
        assertArrayEquals(last.payload(), kept.payload());
        assertEquals(last.receivedAtNanos(), kept.receivedAtNanos());
        assertSame(node.topic(), kept.topic(), "under the node's own topic string, not one per message");
        TopicSnapshot snapshot = node.snapshot();
        assertEquals("maison/salon/temperature", snapshot.topic());
        assertEquals("21.7", text(snapshot.lastMessage().orElseThrow()));
        assertEquals(2, snapshot.messageCount());
    }

    @Test
    void topicCountCountsDistinctTopicsWithMessagesOnly() {
        assertEquals(0, tree.topicCount());
        apply("maison/salon/temperature", "1");
        apply("maison/salon/temperature", "2");
        apply("maison/salon/humidity", "3");

        // "maison" and "maison/salon" exist as levels but received nothing, so they are not topics.
        assertEquals(2, tree.topicCount());
        apply("maison/salon", "4");
        assertEquals(3, tree.topicCount());
    }

    @Test
    void applyReturnsTheNodeOfTheMessagesTopic() {
        Message message = Message.received("a/b", bytes("x"), 1, true);

        TopicNode node = tree.apply(message);

        assertEquals("a/b", node.topic());
        assertSame(node, tree.apply(Message.received("a/b", bytes("y"), 0, false)),
                "a known topic maps to the same node");
    }

    private Message apply(String topic, String payload) {
        Message message = Message.received(topic, bytes(payload), 0, false);
        tree.apply(message);
        return message;
    }

    private TopicNode node(String topic) {
        return tree.find(topic).orElseThrow(() -> new AssertionError("no node for '" + topic + "'"));
    }

    private static TopicNode single(Collection<TopicNode> nodes) {
        assertEquals(1, nodes.size(), () -> "expected one child, got " + nodes.stream().map(TopicNode::name).toList());
        return nodes.iterator().next();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Message message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }
}
