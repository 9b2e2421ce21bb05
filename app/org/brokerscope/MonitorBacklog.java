package org.brokerscope;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.brokerscope.ingest.LagWatch;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.Subscription;

/**
 * What the broker queued for the monitor connection, for the {@link LagWatch}: skipped by closing the
 * monitor, which ends its clean session and the queue with it, and connecting a new one with the same
 * settings and subscriptions. The same client ID comes back after the old one left, so brokers that
 * allow only known client IDs still let it in; messages published in between are part of the skip.
 */
final class MonitorBacklog implements LagWatch.Backlog {
    private static final System.Logger LOG = System.getLogger(MonitorBacklog.class.getName());
    private static final long CONNECT_TIMEOUT_S = 15;

    private final AppServices services;

    MonitorBacklog(AppServices services) {
        this.services = services;
    }

    @Override
    public boolean skippable() {
        return services.monitorSessionIsClean();
    }

    @Override
    public void skip() {
        services.reopenMonitor().ifPresent(reopened -> {
            List<Subscription> subscriptions = reopened.old().subscriptions();
            AppServices.closeQuietly(reopened.old());
            reconnect(reopened.next(), subscriptions);
        });
    }

    /** The monitor that was replaced, and its unconnected successor. */
    record Reopened(BrokerConnection old, BrokerConnection next) {
    }

    private static void reconnect(BrokerConnection next, List<Subscription> subscriptions) {
        next.connect().orTimeout(CONNECT_TIMEOUT_S, TimeUnit.SECONDS)
                .thenRun(() -> subscriptions.forEach(s -> next.subscribe(s).exceptionally(e -> {
                    LOG.log(System.Logger.Level.WARNING, "Subscribing to {0} again failed: {1}", s.filter(), e.getMessage());
                    return null;
                })))
                .exceptionally(e -> {
                    LOG.log(System.Logger.Level.WARNING, "Connecting again to skip the backlog failed: {0}", e.getMessage());
                    return null;
                });
    }
}
