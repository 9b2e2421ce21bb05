package org.brokerscope.mqtt;

import java.util.concurrent.CompletableFuture;

/**
 * A publish handed to {@link Publisher}: whether it waits in the offline queue, and its outcome, which
 * always completes normally (failures are outcomes too).
 */
public record Publication(boolean queued, CompletableFuture<PublishOutcome> outcome) {

    static Publication done(PublishOutcome outcome) {
        return new Publication(false, CompletableFuture.completedFuture(outcome));
    }
}
