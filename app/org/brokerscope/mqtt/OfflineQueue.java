package org.brokerscope.mqtt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * QoS 1/2 messages the user published while the connection was down, in order, bounded so that a long
 * outage cannot grow the heap. Full means refused with a reason, never dropped. Thread-safe: the FX thread
 * adds, the publisher's drain loop takes.
 */
final class OfflineQueue {
    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    OfflineQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** A queued request and the outcome its sender waits for. */
    record Entry(PublishRequest request, CompletableFuture<PublishOutcome> outcome) {
    }

    int capacity() {
        return capacity;
    }

    /** Adds at the end; false when full. */
    synchronized boolean offer(Entry entry) {
        if (entries.size() >= capacity) {
            return false;
        }
        entries.addLast(entry);
        return true;
    }

    /** Puts back at the head a message whose send failed because the connection went away meanwhile. */
    synchronized void putBack(Entry entry) {
        entries.addFirst(entry);
    }

    synchronized Entry poll() {
        return entries.pollFirst();
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized List<PublishRequest> requests() {
        List<PublishRequest> copy = new ArrayList<>(entries.size());
        entries.forEach(e -> copy.add(e.request()));
        return copy;
    }

    synchronized List<Entry> takeAll() {
        List<Entry> all = new ArrayList<>(entries);
        entries.clear();
        return all;
    }
}
