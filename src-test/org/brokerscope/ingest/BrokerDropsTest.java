package org.brokerscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.brokerscope.domain.Message;
import org.junit.jupiter.api.Test;

/** Mosquitto's dropped counter turned into "dropped since the app connected". */
class BrokerDropsTest {
    private final BrokerDrops drops = new BrokerDrops();

    @Test
    void theFirstValueIsTheBaselineAndLaterOnesAdd() {
        drops.observe(counter("120")); // retained: drops from before the app came
        drops.observe(counter("120"));
        drops.observe(counter("1120"));
        drops.observe(counter("1500"));
        assertEquals(1_380, drops.total());
    }

    @Test
    void aRestartedBrokerCountsAgainFromItsNewValue() {
        drops.observe(counter("500"));
        drops.observe(counter("800"));
        drops.observe(counter("10")); // the broker restarted: a fresh count
        drops.observe(counter("60"));
        assertEquals(350, drops.total());
    }

    @Test
    void otherTopicsAndUnreadablePayloadsChangeNothing() {
        drops.observe(counter("5"));
        drops.observe(Message.received("$SYS/broker/publish/messages/received", bytes("9000"), 0, true));
        drops.observe(counter("lots"));
        drops.observe(counter(""));
        drops.observe(counter("25"));
        assertEquals(20, drops.total());
    }

    @Test
    void anotherBrokerStartsFromNothing() {
        drops.observe(counter("5"));
        drops.observe(counter("25"));
        drops.reset();
        drops.observe(counter("7000"));
        assertEquals(0, drops.total());
        drops.observe(counter("7004"));
        assertEquals(4, drops.total());
    }

    private static Message counter(String value) {
        return Message.received(BrokerDrops.TOPIC, bytes(value), 0, true);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
