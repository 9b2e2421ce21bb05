package org.brokerscope.broker;

import java.util.function.Consumer;
import java.util.concurrent.atomic.LongAdder;
import org.jctools.queues.MpscArrayQueue;

/**
 * A bounded feed of {@link BrokerEvent}s from the broker's network threads to whoever draws them.
 * Recording never blocks the broker: when the reader falls behind, events are dropped and counted,
 * which a view can show (the graph samples at high rates anyway).
 */
public final class BrokerActivity {
    private final MpscArrayQueue<BrokerEvent> queue;
    private final LongAdder dropped = new LongAdder();

    public BrokerActivity(int capacity) {
        this.queue = new MpscArrayQueue<>(capacity);
    }

    void record(BrokerEvent event) {
        if (!queue.offer(event)) {
            dropped.increment();
        }
    }

    /** Hands up to {@code limit} waiting events to {@code reader}; returns how many. */
    public int drain(Consumer<BrokerEvent> reader, int limit) {
        return queue.drain(reader::accept, limit);
    }

    public long droppedCount() {
        return dropped.sum();
    }
}
