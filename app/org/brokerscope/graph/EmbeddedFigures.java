package org.brokerscope.graph;

import java.util.List;
import java.util.Optional;
import org.brokerscope.broker.BrokerActivity;
import org.brokerscope.broker.BrokerEvent;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.domain.RateMeter;

/**
 * The broker overview's figures for the embedded broker, which has no {@code $SYS}: from the totals its
 * extension counts. HiveMQ's extension SDK gives no cheap retained or stored counts, so those stay empty.
 */
public final class EmbeddedFigures {
    private final RateMeter messagesIn = RateMeter.fiveSeconds();
    private final RateMeter messagesOut = RateMeter.fiveSeconds();
    private final RateMeter bytesIn = RateMeter.fiveSeconds();
    private final RateMeter bytesOut = RateMeter.fiveSeconds();

    /** Reads the broker's totals now; call a few times a second at most. */
    public BrokerFigures sample(EmbeddedBroker broker, long nowNanos) {
        BrokerActivity activity = broker.activity();
        List<BrokerEvent> now = activity.connectedNow();
        long clients = now.stream().filter(e -> e instanceof BrokerEvent.Connected).count();
        long subscriptions = now.stream().filter(e -> e instanceof BrokerEvent.Subscribed).count();
        return new BrokerFigures(Optional.of(broker.version()), Optional.of(broker.uptimeSeconds()), Optional.of(clients),
                Optional.of(messagesIn.sample(nowNanos, activity.publishedTotal())),
                Optional.of(messagesOut.sample(nowNanos, activity.deliveredTotal())),
                Optional.of(bytesIn.sample(nowNanos, activity.publishedBytesTotal())),
                Optional.of(bytesOut.sample(nowNanos, activity.deliveredBytesTotal())),
                Optional.empty(), Optional.empty(), Optional.of(subscriptions));
    }
}
