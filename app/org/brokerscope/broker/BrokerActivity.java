package org.brokerscope.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jctools.queues.MpscArrayQueue;

/**
 * A bounded feed of {@link BrokerEvent}s from the broker's network threads to whoever draws them.
 * Recording never blocks the broker: when the reader falls behind, events are dropped and counted,
 * which a view can show (the graph samples at high rates anyway).
 */
public final class BrokerActivity {
    private final MpscArrayQueue<BrokerEvent> queue;
    private final LongAdder dropped = new LongAdder();
    private final Map<String, LongAdder> delivered = new ConcurrentHashMap<>();
    private final Map<String, ConnectedClient> connected = new ConcurrentHashMap<>();
    // Exact totals for the broker overview, counted even when the queue drops events.
    private final LongAdder published = new LongAdder();
    private final LongAdder publishedBytes = new LongAdder();
    private final LongAdder deliveredTotal = new LongAdder();
    private final LongAdder deliveredBytes = new LongAdder();

    public BrokerActivity(int capacity) {
        this.queue = new MpscArrayQueue<>(capacity);
    }

    void record(BrokerEvent event) {
        if (event instanceof BrokerEvent.Published p) {
            published.increment();
            publishedBytes.add(p.payloadBytes());
        }
        if (event.isLagProbe()) {
            return; // a Brokerscope timing its lag: counted as traffic, but no topic, edge or subscription to show
        } else if (!(event instanceof BrokerEvent.Published)) {
            track(event);
        }
        if (!queue.offer(event)) {
            dropped.increment();
        }
    }

    // Connections and subscriptions are few and never dropped here, so a view built late (or rebuilt in
    // another language) can start from who is connected now instead of waiting for them to reconnect.
    private void track(BrokerEvent event) {
        switch (event) {
            case BrokerEvent.Connected c -> connected.put(c.clientId(),
                    new ConnectedClient(c.clientId(), c.address(), c.mqttVersion(), new ConcurrentHashMap<>()));
            case BrokerEvent.Disconnected d -> connected.remove(d.clientId());
            case BrokerEvent.Subscribed s -> {
                ConnectedClient c = connected.get(s.clientId());
                if (c != null) {
                    c.subscriptions().put(s.topicFilter(), s.qos());
                }
            }
            case BrokerEvent.Unsubscribed u -> {
                ConnectedClient c = connected.get(u.clientId());
                if (c != null) {
                    c.subscriptions().remove(u.topicFilter());
                }
            }
            case BrokerEvent.Published p -> { }
        }
    }

    /** A client connected now, with its subscriptions (filter to QoS). */
    public record ConnectedClient(String clientId, String address, String mqttVersion, Map<String, Integer> subscriptions) {
    }

    /**
     * The clients connected now, as events a reader can apply before draining: a Connected then its
     * Subscribed events per client. Events still queued may repeat them, in order, which is harmless.
     */
    public List<BrokerEvent> connectedNow() {
        List<BrokerEvent> out = new ArrayList<>();
        for (ConnectedClient c : connected.values()) {
            out.add(new BrokerEvent.Connected(c.clientId(), c.address(), c.mqttVersion()));
            c.subscriptions().forEach((filter, qos) -> out.add(new BrokerEvent.Subscribed(c.clientId(), filter, qos)));
        }
        return out;
    }

    /** Hands up to {@code limit} waiting events to {@code reader}; returns how many. */
    public int drain(Consumer<BrokerEvent> reader, int limit) {
        return queue.drain(reader::accept, limit);
    }

    void countDelivered(String clientId, int payloadBytes) {
        deliveredTotal.increment();
        deliveredBytes.add(payloadBytes);
        delivered.computeIfAbsent(clientId, id -> new LongAdder()).increment();
    }

    void forgetDeliveries(String clientId) {
        delivered.remove(clientId);
    }

    /** Messages the broker has sent to a connected client since it connected; 0 once it has gone. */
    public long deliveredTo(String clientId) {
        LongAdder count = delivered.get(clientId);
        return count == null ? 0 : count.sum();
    }

    /** PUBLISH packets received from clients since the start, and their payload bytes. */
    public long publishedTotal() {
        return published.sum();
    }

    public long publishedBytesTotal() {
        return publishedBytes.sum();
    }

    /** PUBLISH packets sent to clients since the start. */
    public long deliveredTotal() {
        return deliveredTotal.sum();
    }

    public long deliveredBytesTotal() {
        return deliveredBytes.sum();
    }

    public long droppedCount() {
        return dropped.sum();
    }
}
