package org.brokerscope.domain;

import java.util.Optional;

/** An immutable copy of one topic's state, safe to hand from the ingest thread to the UI. */
public record TopicSnapshot(String topic, Message lastMessageOrNull, long messageCount, long subtreeMessageCount) {

    public Optional<Message> lastMessage() {
        return Optional.ofNullable(lastMessageOrNull);
    }
}
