package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageHistoryTest {
    private static final String TOPIC = "maison/salon/temperature";

    @Test
    void keepsTheLastMessagesWithTheirPayloadsTimesAndFlags() {
        MessageHistory history = new MessageHistory();
        HistoryLimits limits = new HistoryLimits(3, 1 << 20);
        for (int i = 0; i < 5; i++) {
            history.add(new Message(TOPIC, ("v" + i).getBytes(), i % 3, i % 2 == 0, MessageProperties.NONE, 1000 + i, 50 + i), limits);
        }
        List<Message> kept = history.toList(TOPIC);
        assertEquals(3, kept.size());
        assertEquals(List.of("v2", "v3", "v4"), kept.stream().map(m -> new String(m.payload())).toList());
        Message last = kept.get(2);
        assertEquals(1004, last.receivedAtMillis());
        assertEquals(54, last.receivedAtNanos());
        assertEquals(1, last.qos());
        assertTrue(last.retained());
        assertSame(TOPIC, last.topic());
    }

    @Test
    void mqtt5PropertiesAndLargePayloadsComeBackAsTheyWent() {
        MessageHistory history = new MessageHistory();
        MessageProperties props = new MessageProperties(Optional.of("application/json"), Optional.empty(), Optional.empty(),
                java.util.OptionalLong.of(60), true, List.of(new MessageProperties.UserProperty("k", "v")));
        byte[] big = new byte[MessageHistory.INLINE_MAX + 1];
        history.add(new Message(TOPIC, "a".getBytes(), 0, false, MessageProperties.NONE, 1, 1), HistoryLimits.DEFAULTS);
        history.add(new Message(TOPIC, big, 0, false, props, 2, 2), HistoryLimits.DEFAULTS);
        history.add(new Message(TOPIC, new byte[0], 0, false, MessageProperties.NONE, 3, 3), HistoryLimits.DEFAULTS);
        List<Message> kept = history.toList(TOPIC);
        assertSame(MessageProperties.NONE, kept.get(0).properties());
        assertEquals(props, kept.get(1).properties());
        assertSame(big, kept.get(1).payload(), "a large payload is kept, not copied");
        assertEquals(0, kept.get(2).payloadSize());
        assertEquals(big.length + 1, history.bytes());
    }

    /** Random sizes, limits that change and the byte cap, against a plain deque of the same messages. */
    @Test
    void matchesASimpleQueueUnderRandomTraffic() {
        Random random = new Random(20261123);
        MessageHistory history = new MessageHistory();
        ArrayDeque<Message> expected = new ArrayDeque<>();
        HistoryLimits limits = new HistoryLimits(100, 20_000);
        for (int i = 0; i < 30_000; i++) {
            if (i % 5_000 == 4_999) {
                limits = new HistoryLimits(1 + random.nextInt(120), 1_000 + random.nextInt(30_000));
            }
            int size = switch (random.nextInt(10)) {
                case 0 -> 0;
                case 1 -> MessageHistory.INLINE_MAX + random.nextInt(3_000);
                case 2 -> 500 + random.nextInt(3_000);
                default -> random.nextInt(120);
            };
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            Message m = new Message(TOPIC, payload, random.nextInt(3), random.nextBoolean(), MessageProperties.NONE, i, i * 7L);
            long costBefore = history.cost();
            long delta = history.add(m, limits);
            assertEquals(history.cost() - costBefore, delta);
            expected.addLast(m);
            long bytes = expected.stream().mapToLong(Message::payloadSize).sum();
            while (expected.size() > 1 && (expected.size() > limits.entries() || bytes > limits.bytesPerTopic())) {
                bytes -= expected.removeFirst().payloadSize();
            }
            assertEquals(expected.size(), history.size(), "size at message " + i);
            assertEquals(bytes, history.bytes(), "bytes at message " + i);
            assertArrayEquals(payload, history.newest(TOPIC).payload(), "newest at message " + i);
            assertEquals(m.receivedAtNanos(), history.newest(TOPIC).receivedAtNanos());
            if (i % 97 == 0 || i > 29_900) {
                List<Message> kept = history.toList(TOPIC);
                int j = 0;
                for (Message e : expected) {
                    Message k = kept.get(j++);
                    assertArrayEquals(e.payload(), k.payload(), "payload at message " + i);
                    assertEquals(e.receivedAtMillis(), k.receivedAtMillis());
                    assertEquals(e.receivedAtNanos(), k.receivedAtNanos());
                    assertEquals(e.qos(), k.qos());
                    assertEquals(e.retained(), k.retained());
                }
            }
        }
        assertTrue(history.cost() < 2L * history.bytes() + 64 + history.size() * (long) MessageHistory.ENTRY_OVERHEAD + 100_000,
                "the buffer's free room stays bounded: " + history.cost());
    }
}
