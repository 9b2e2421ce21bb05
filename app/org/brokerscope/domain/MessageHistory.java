package org.brokerscope.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The last messages of one topic, oldest first, as a ring buffer. Owned by the ingest thread like the
 * rest of the tree. The ring starts small and grows to the limit, because most topics of a big broker
 * get a handful of messages and 100 slots each would cost more than the messages.
 */
public final class MessageHistory {
    private static final int INITIAL_SLOTS = 4;
    private Message[] ring = new Message[INITIAL_SLOTS];
    private int head; // index of the oldest entry
    private int size;
    private long bytes;
    /** What one entry costs beyond its payload: the record, its array slot and the payload's array header. */
    static final int ENTRY_OVERHEAD = 96;

    /**
     * Adds the newest message, then evicts the oldest ones past either limit; the newest always stays.
     * Returns the change in {@link #cost()}.
     */
    public long add(Message message, HistoryLimits limits) {
        long before = cost();
        if (size == ring.length && size < limits.entries()) {
            grow(Math.min(limits.entries(), ring.length * 2));
        }
        if (size == ring.length) {
            evictOldest();
        }
        ring[(head + size) % ring.length] = message;
        size++;
        bytes += message.payloadSize();
        while (size > 1 && (size > limits.entries() || bytes > limits.bytesPerTopic())) {
            evictOldest();
        }
        return cost() - before;
    }

    /** Estimated heap held by the entries: payload bytes plus {@link #ENTRY_OVERHEAD} each. */
    public long cost() {
        return bytes + (long) size * ENTRY_OVERHEAD;
    }

    public int size() {
        return size;
    }

    public long bytes() {
        return bytes;
    }

    /** An immutable copy, oldest first, safe to hand to another thread. */
    public List<Message> toList() {
        List<Message> copy = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            copy.add(ring[(head + i) % ring.length]);
        }
        return List.copyOf(copy);
    }

    private void evictOldest() {
        bytes -= ring[head].payloadSize();
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
    }

    private void grow(int slots) {
        Message[] bigger = new Message[slots];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        ring = bigger;
        head = 0;
    }
}
