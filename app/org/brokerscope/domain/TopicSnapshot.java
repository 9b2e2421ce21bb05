package org.brokerscope.domain;

import java.util.Optional;

/**
 * An immutable copy of one level of the topic tree, safe to hand from the ingest thread to the UI.
 * Levels that never received a message themselves (e.g. {@code maison} above {@code maison/salon/temp})
 * have no last message but carry their subtree's totals.
 *
 * @param messageCount        messages on exactly this topic
 * @param subtreeMessageCount messages on this topic and every topic below it
 * @param subtreeTopicCount   topics with at least one message, this one included
 * @param rate                this topic's decaying msg/s, as it was at {@code rateAtNanos}
 * @param subtreeRate         the same for the whole subtree
 * @param rateAtNanos         monotonic time of the subtree's last message (read rates with {@link #rateAt})
 * @param subtreeLastMillis   wall-clock time of the subtree's last message; 0 when none
 * @param holdsRetained       a retained message was received here and not deleted since
 * @param historySize         messages kept in this topic's history
 */
public record TopicSnapshot(String topic, Message lastMessageOrNull, long messageCount, long subtreeMessageCount,
                            int subtreeTopicCount, double rate, double subtreeRate, long rateAtNanos,
                            long subtreeLastMillis, boolean holdsRetained, int historySize) {

    public Optional<Message> lastMessage() {
        return Optional.ofNullable(lastMessageOrNull);
    }

    /** This topic's msg/s as read at {@code nowNanos}: it decays while the topic is quiet. */
    public double rateAt(long nowNanos) {
        long since = lastMessageOrNull == null ? rateAtNanos : lastMessageOrNull.receivedAtNanos();
        return DecayingRate.decay(rate, since, nowNanos);
    }

    public double subtreeRateAt(long nowNanos) {
        return DecayingRate.decay(subtreeRate, rateAtNanos, nowNanos);
    }

    /** Whether this level has levels below it that received messages. */
    public boolean hasDescendants() {
        return subtreeTopicCount > (lastMessageOrNull == null ? 0 : 1);
    }
}
