package org.brokerscope.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs Paho's keep-alive check five times per keep-alive interval instead of once.
 *
 * <p>Paho sends PINGREQ once the link has been idle for one interval, but looks for the PINGRESP only at
 * its next check, one interval later: a broker that goes silent (a frozen process, a cut cable) was noticed
 * only up to twice the interval after it went quiet, measured 3.1 s for a 2 s keep-alive (v5) and 3.0 s (v3).
 * Paho's own rules stay as they are (ping after one idle interval, lost when a ping has no answer);
 * checking more often only shortens the wait for the answer, to a fifth of the interval, so silence is
 * noticed within 1.4 intervals. The check is cheap: it compares timestamps and at most queues one PINGREQ.
 *
 * <p>Paho's v5 and v3 clients each have their own {@code MqttPingSender} and {@code ClientComms} types with
 * the same four calls; {@link PahoV5PingSender} and {@link PahoV3PingSender} fit this one schedule to each.
 */
final class KeepAliveChecker {
    static final int CHECKS_PER_INTERVAL = 5;
    // A check that finds the broker silent runs Paho's whole shutdown, which waits (100 ms steps, up to its
    // 1 s socket timeout) for the network reader to stop: that must not hold the JDK's one shared timer
    // thread, which also times every other connection's checks and all orTimeout calls. A virtual thread
    // per check costs no OS thread and ends with the check, so none outlives the connection.
    private static final Executor OWN_THREAD = check -> Thread.ofVirtual().name("brokerscope-keepalive").start(check);

    private final long stepMillis;
    private final Executor checks;
    // Bumped by stop(): a check scheduled for an earlier connection does nothing.
    private final AtomicLong generation = new AtomicLong();
    private volatile Runnable check;

    KeepAliveChecker(int keepAliveSeconds) {
        this(keepAliveSeconds, OWN_THREAD);
    }

    /** @param checks where each check runs once due */
    KeepAliveChecker(int keepAliveSeconds, Executor checks) {
        this.stepMillis = keepAliveSeconds > 0 ? Math.max(50, keepAliveSeconds * 1_000L / CHECKS_PER_INTERVAL)
                : Long.MAX_VALUE;
        this.checks = checks;
    }

    /** Paho's {@code init}: {@code activityCheck} is its client's {@code checkForActivity}. */
    void checkWith(Runnable activityCheck) {
        this.check = activityCheck;
    }

    void start() {
        schedule(stepMillis);
    }

    void stop() {
        generation.incrementAndGet();
    }

    /** Paho asks for the next check after {@code delayMillis}; it gets one no later than a step from now. */
    void schedule(long delayMillis) {
        long mine = generation.get();
        // The JDK's shared daemon timer only hands the check over: no timer thread of ours to leak if Paho
        // never calls stop() (Paho #654).
        CompletableFuture.delayedExecutor(Math.max(1, Math.min(delayMillis, stepMillis)), TimeUnit.MILLISECONDS, checks)
                .execute(() -> {
                    Runnable c = check;
                    if (generation.get() == mine && c != null) {
                        c.run();
                    }
                });
    }
}
