package org.brokerscope.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The state, reconnect and close logic shared by every Paho-backed {@link BrokerConnection}, so the v5 and
 * v3 classes only translate between Paho and this.
 *
 * <p>Reconnects run on the JDK's shared daemon timer ({@code delayedExecutor}): there is no thread of ours
 * to stop on close, and an attempt scheduled before close, or before "reconnect now", sees a newer
 * generation number and does nothing. Paho's own automatic reconnect is not used: its Timer thread can
 * survive close (Paho #654) and it does not resubscribe (#493).
 */
final class ConnectionLifecycle {
    private static final System.Logger LOG = System.getLogger(ConnectionLifecycle.class.getName());
    private static final long DISCONNECT_TIMEOUT_MS = 2_000;
    private static final long CONNECT_END_WAIT_MS = 5_000;
    /** A session shorter than this is "short": it does not reset the backoff and may mean a takeover. */
    static final Duration STABLE = Duration.ofSeconds(10);
    /** Short sessions in a row meaning a takeover: four, so three quick broker restarts are not one. */
    static final int SHORT_SESSIONS_FOR_TAKEOVER = 4;

    /** What the lifecycle needs from one Paho client; connectOnce completes when CONNACK arrived. */
    interface Client {
        CompletableFuture<Void> connectOnce();

        boolean isConnected();

        void disconnect(long timeoutMs) throws Exception;

        void disconnectForcibly(long timeoutMs) throws Exception;

        void release() throws Exception;
    }

    private final String serverUri;
    private final boolean credentialsSent;
    private final boolean automaticReconnect;
    private final Client client;
    private final Backoff backoff;
    private final Clock clock;
    // Filter -> how to make that subscription again; replayed after every reconnect, kept session or not.
    private final Map<String, Supplier<CompletableFuture<Void>>> subscriptions = new ConcurrentHashMap<>();
    // What was asked for, in the order asked, for the views that list a connection's subscriptions.
    private final Map<String, Subscription> asked = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile String lastError;
    private volatile ConnectionFailure lastFailure;
    private volatile Instant nextAttempt;
    // Guarded by this.
    private long generation;
    private int attempt;
    private int shortSessions;
    private Instant connectedAt;
    private boolean attemptInFlight;
    // The CONNECT under way, if any: close() lets it end first (see close()).
    private volatile CompletableFuture<Void> connecting = CompletableFuture.completedFuture(null);

    ConnectionLifecycle(ConnectionSettings settings, Client client, Backoff backoff, Clock clock) {
        this.serverUri = settings.serverUri();
        this.credentialsSent = settings.credentials().isPresent();
        this.automaticReconnect = settings.automaticReconnect();
        this.client = client;
        this.backoff = backoff;
        this.clock = clock;
    }

    ConnectionState state() {
        return state;
    }

    Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    Optional<ConnectionFailure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    Optional<Instant> nextAttempt() {
        return Optional.ofNullable(nextAttempt);
    }

    /** The first connect: a failure is reported, not retried, so the user sees why at once. */
    CompletableFuture<Void> connect() {
        synchronized (this) {
            if (state == ConnectionState.CLOSED) {
                return CompletableFuture.failedFuture(new IllegalStateException("closed"));
            }
            state = ConnectionState.CONNECTING;
        }
        return track(client.connectOnce()).whenComplete((ok, error) -> {
            synchronized (this) {
                if (state == ConnectionState.CLOSED) {
                    return;
                }
                if (error == null) {
                    // Set here, not only in Paho's connectComplete(): Paho completes the token first, and a
                    // caller chaining on connect() must already read CONNECTED.
                    markConnected();
                } else {
                    recordFailure(ConnectionFailures.atConnect(error, credentialsSent), error);
                    state = ConnectionState.FAILED;
                }
            }
        });
    }

    /** A connect that cannot even start (e.g. an unreadable certificate file): FAILED with the reason. */
    synchronized CompletableFuture<Void> refuse(Exception why) {
        if (state != ConnectionState.CLOSED) {
            recordFailure(ConnectionFailures.classify(why), why);
            state = ConnectionState.FAILED;
        }
        return CompletableFuture.failedFuture(why);
    }

    /** Remembers a subscription so it is made again after each reconnect, then makes it now. */
    CompletableFuture<Void> subscribe(Subscription subscription, Supplier<CompletableFuture<Void>> subscribe) {
        subscriptions.put(subscription.filter(), subscribe);
        asked.remove(subscription.filter()); // a new QoS or options: listed as the latest
        asked.put(subscription.filter(), subscription);
        return subscribe.get();
    }

    void forget(String filter) {
        subscriptions.remove(filter);
        asked.remove(filter);
    }

    /** The subscriptions made and not ended, in the order made. */
    java.util.List<Subscription> subscriptions() {
        synchronized (asked) {
            return java.util.List.copyOf(asked.values());
        }
    }

    /** Paho said the connection is up (also after our own reconnect). */
    synchronized void connectComplete() {
        if (state != ConnectionState.CLOSED) {
            markConnected();
        }
    }

    /** Paho said an established connection ended: reconnect, or stop when our client ID was taken. */
    synchronized void lost(ConnectionFailure failure, String error) {
        if (state == ConnectionState.CLOSED) {
            return;
        }
        lastError = error;
        boolean shortSession = connectedAt != null && Duration.between(connectedAt, clock.instant()).compareTo(STABLE) < 0;
        shortSessions = shortSession ? shortSessions + 1 : 0;
        if (!shortSession) {
            attempt = 0;
        }
        connectedAt = null;
        if (failure.kind() == FailureKind.CLIENT_ID_TAKEN_OVER) {
            stop(failure);
        } else if (shortSessions >= SHORT_SESSIONS_FOR_TAKEOVER) {
            // MQTT 3.1.1 brokers just close the socket of the older client; the pattern is the only sign.
            stop(new ConnectionFailure(FailureKind.CLIENT_ID_TAKEN_OVER, Optional.empty(), "lost " + shortSessions
                    + " times in a row within " + STABLE.toSeconds() + " s of connecting; last: " + failure.detail()));
        } else if (!automaticReconnect) {
            lastFailure = failure;
            state = ConnectionState.DISCONNECTED;
        } else {
            lastFailure = failure;
            state = ConnectionState.RECONNECTING;
            scheduleAttempt();
        }
    }

    /**
     * Tries at once instead of waiting for the countdown; also the user's way back from FAILED (e.g. after a
     * takeover, knowingly taking the client ID back once). Ignored while connected or already trying.
     */
    void reconnectNow() {
        long mine;
        synchronized (this) {
            if (state == ConnectionState.CLOSED || state == ConnectionState.CONNECTED
                    || state == ConnectionState.CONNECTING || attemptInFlight) {
                return;
            }
            state = ConnectionState.RECONNECTING;
            shortSessions = 0;
            mine = ++generation;
        }
        attempt(mine);
    }

    /** Disconnects if needed and releases the client; safe to call twice. */
    void close() {
        synchronized (this) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            state = ConnectionState.CLOSED;
            generation++;
            nextAttempt = null;
        }
        awaitConnectEnd();
        try {
            if (client.isConnected()) {
                client.disconnect(DISCONNECT_TIMEOUT_MS);
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "Clean disconnect from {0} failed, forcing it: {1}", serverUri, e.getMessage());
        }
        try {
            // Forcing closes the socket even when the broker no longer answers.
            client.disconnectForcibly(DISCONNECT_TIMEOUT_MS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.TRACE, "Already disconnected: {0}", e.getMessage());
        }
        try {
            client.release();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Closing the MQTT client for {0} failed: {1}", serverUri, e.getMessage());
        }
    }

    private CompletableFuture<Void> track(CompletableFuture<Void> connect) {
        connecting = connect;
        return connect;
    }

    /**
     * Paho's connect thread ("MQTT Con: ...") waits in a sleep loop for its callback thread to run; a close
     * in that window stops the callback thread first, and the connect thread then sleeps forever, a
     * non-daemon thread that keeps the JVM alive (seen with demo sensors closed while connecting under
     * load). So close waits, briefly, for a CONNECT under way to end either way.
     */
    private void awaitConnectEnd() {
        try {
            connecting.get(CONNECT_END_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "Connect to {0} still running or failed at close: {1}", serverUri, e.getMessage());
        }
    }

    private void markConnected() {
        state = ConnectionState.CONNECTED;
        lastError = null;
        lastFailure = null;
        nextAttempt = null;
        if (connectedAt == null) {
            connectedAt = clock.instant();
        }
    }

    private void stop(ConnectionFailure failure) {
        lastFailure = failure;
        nextAttempt = null;
        generation++;
        state = ConnectionState.FAILED;
    }

    private void recordFailure(ConnectionFailure failure, Throwable error) {
        lastFailure = failure;
        lastError = ConnectionFailures.describe(error);
    }

    // Holds the lock.
    private void scheduleAttempt() {
        Duration delay = backoff.delay(attempt++);
        nextAttempt = clock.instant().plus(delay);
        long mine = ++generation;
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(() -> attempt(mine));
    }

    private void attempt(long mine) {
        synchronized (this) {
            if (state != ConnectionState.RECONNECTING || generation != mine || attemptInFlight) {
                return;
            }
            attemptInFlight = true;
            nextAttempt = null;
        }
        track(client.connectOnce()).whenComplete((ok, error) -> attempted(mine, error));
    }

    private void attempted(long mine, Throwable error) {
        synchronized (this) {
            attemptInFlight = false;
            if (state == ConnectionState.CLOSED) {
                return;
            }
            if (error != null) {
                recordFailure(ConnectionFailures.atConnect(error, credentialsSent), error);
                if (state == ConnectionState.RECONNECTING && generation == mine) {
                    scheduleAttempt();
                }
                return;
            }
            markConnected();
        }
        subscriptions.forEach((filter, subscribe) -> subscribe.get().exceptionally(e -> {
            LOG.log(System.Logger.Level.WARNING, "Resubscribing to {0} failed: {1}", filter, ConnectionFailures.describe(e));
            return null;
        }));
    }
}
