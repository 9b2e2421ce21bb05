package org.brokerscope.ingest;

import java.nio.charset.StandardCharsets;
import org.brokerscope.domain.Message;

/**
 * Messages the broker itself dropped since the app connected, from Mosquitto's
 * {@code $SYS/broker/publish/messages/dropped} counter. Mosquitto drops QoS 0 messages for an online
 * subscriber that has about 1,000 packets waiting (its {@code max_queued_messages}) and tells the
 * subscriber nothing: a flood can cost the app messages no counter of its own can see. The figure is the
 * broker's, for all its clients, so the UI says so.
 *
 * <p>Fed on the ingest thread; {@link #total()} is read from any thread.
 */
final class BrokerDrops {
    static final String TOPIC = "$SYS/broker/publish/messages/dropped";

    private long last = -1;
    private volatile long total;

    void observe(Message message) {
        if (!TOPIC.equals(message.topic())) {
            return;
        }
        long value;
        try {
            value = Long.parseLong(new String(message.payload(), StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            return; // another broker's idea of this topic; the tree shows the payload as it is
        }
        // The first value, retained, counts drops from before the app connected. A smaller one is a restarted
        // broker: its count starts again, and only what comes after it is added.
        if (last >= 0 && value > last) {
            total += value - last;
        }
        last = value;
    }

    /** Another broker: its counter is not this one's. */
    void reset() {
        last = -1;
        total = 0;
    }

    long total() {
        return total;
    }
}
