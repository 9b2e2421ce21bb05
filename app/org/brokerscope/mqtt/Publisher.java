package org.brokerscope.mqtt;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.brokerscope.domain.Topics;
import org.brokerscope.mqtt.PublishOutcome.Kind;

/**
 * Publishes what the user asks for, through whatever connection is current, and never drops a message
 * silently: a request the broker cannot take (bad topic, too large, QoS above its maximum, properties on
 * 3.1.1) is refused before sending with the reason; while the connection is down QoS 1/2 requests wait in a
 * bounded {@link OfflineQueue} and are sent in order after the reconnect, and QoS 0 is refused.
 *
 * <p>The queue is drained one message at a time, so it never exceeds the broker's Receive Maximum (Paho
 * throws 32202 instead of waiting). The reconnect is noticed by polling the connection's state every
 * {@value #POLL_MILLIS} ms while messages wait: the connection has no state listener to hook.
 */
public final class Publisher {
    public static final int DEFAULT_QUEUE_CAPACITY = 100;
    static final long POLL_MILLIS = 250;
    // Paho's codes (same in v3 and v5) for a send tried while the connection is gone or going.
    private static final int CLIENT_NOT_CONNECTED = 32104;
    private static final int CONNECTION_LOST = 32109;
    private static final int CLIENT_DISCONNECTING = 32102;

    // When a connection has not recorded its CONNACK: assume MQTT 5 and only the protocol's own limits.
    private static final NegotiatedSession UNKNOWN_SESSION = new NegotiatedSession("5.0", Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private final Supplier<Optional<BrokerConnection>> connection;
    private final OfflineQueue queue;
    private final Executor worker;
    private final Executor poll;
    private final AtomicBoolean draining = new AtomicBoolean();

    /** @param connection the connection to publish through; empty while it does not exist yet */
    public Publisher(Supplier<Optional<BrokerConnection>> connection) {
        this(connection, DEFAULT_QUEUE_CAPACITY, ForkJoinPool.commonPool());
    }

    /** @param worker runs the drain loop; the poll for reconnects uses the JDK's daemon timer in front of it */
    public Publisher(Supplier<Optional<BrokerConnection>> connection, int queueCapacity, Executor worker) {
        this.connection = connection;
        this.queue = new OfflineQueue(queueCapacity);
        this.worker = worker;
        this.poll = CompletableFuture.delayedExecutor(POLL_MILLIS, TimeUnit.MILLISECONDS, worker);
    }

    public Publication send(PublishRequest request) {
        Optional<Topics.Problem> problem = Topics.checkName(request.topic());
        if (problem.isPresent()) {
            return Publication.done(PublishOutcome.refused(Kind.INVALID_TOPIC, problem.get().name()));
        }
        BrokerConnection c = connection.get().orElse(null);
        if (c != null && c.state() == ConnectionState.CLOSED) {
            return Publication.done(PublishOutcome.refused(Kind.CLOSED));
        }
        boolean up = c != null && c.state() == ConnectionState.CONNECTED;
        if (request.qos() == 0) {
            return up ? sendNow(c, request) : Publication.done(PublishOutcome.refused(Kind.OFFLINE_QOS0));
        }
        // Behind messages already waiting, so that QoS 1/2 keep the order the user sent them in.
        if (!up || !queue.isEmpty()) {
            return enqueue(request);
        }
        return sendNow(c, request);
    }

    private Publication sendNow(BrokerConnection c, PublishRequest request) {
        OfflineQueue.Entry entry = new OfflineQueue.Entry(request, new CompletableFuture<>());
        attempt(c, entry);
        return new Publication(false, entry.outcome());
    }

    public int queuedCount() {
        return queue.size();
    }

    public int queueCapacity() {
        return queue.capacity();
    }

    /** The waiting requests, oldest first, for the UI. */
    public List<PublishRequest> queued() {
        return queue.requests();
    }

    /** Why the broker cannot take this request on this session, if it cannot; checked before each send. */
    static Optional<PublishOutcome> checkLimits(PublishRequest request, NegotiatedSession session) {
        boolean mqtt5 = !"3.1.1".equals(session.protocolVersion());
        if (!mqtt5 && request.hasProperties()) {
            return Optional.of(PublishOutcome.refused(Kind.PROPERTIES_NEED_MQTT5));
        }
        if (session.maximumQos().isPresent() && request.qos() > session.maximumQos().get()) {
            return Optional.of(PublishOutcome.refused(Kind.QOS_NOT_SUPPORTED, session.maximumQos().get()));
        }
        if (request.retained() && !session.retainAvailable().orElse(true)) {
            return Optional.of(PublishOutcome.refused(Kind.RETAIN_NOT_SUPPORTED));
        }
        long size = PublishPacket.size(request, mqtt5);
        long limit = session.maximumPacketSize().orElse(PublishPacket.PROTOCOL_MAXIMUM);
        if (size > limit) {
            return Optional.of(PublishOutcome.refused(Kind.TOO_LARGE, size, limit));
        }
        return Optional.empty();
    }

    private Publication enqueue(PublishRequest request) {
        CompletableFuture<PublishOutcome> outcome = new CompletableFuture<>();
        if (!queue.offer(new OfflineQueue.Entry(request, outcome))) {
            return Publication.done(PublishOutcome.refused(Kind.QUEUE_FULL, queue.capacity()));
        }
        startDraining();
        return new Publication(true, outcome);
    }

    /**
     * Sends now and completes the entry's outcome; if the connection turns out to be gone, a QoS 1/2
     * request goes back to the head of the queue instead. The future says which: true when put back.
     */
    private CompletableFuture<Boolean> attempt(BrokerConnection c, OfflineQueue.Entry entry) {
        PublishRequest request = entry.request();
        NegotiatedSession session = c.negotiated().orElse(UNKNOWN_SESSION);
        Optional<PublishOutcome> refusal = checkLimits(request, session);
        if (refusal.isPresent()) {
            entry.outcome().complete(refusal.get());
            return CompletableFuture.completedFuture(false);
        }
        return c.send(request).handle((result, error) -> {
            if (error == null) {
                entry.outcome().complete(result);
                return false;
            }
            if (request.qos() > 0 && connectionGone(error)) {
                queue.putBack(entry);
                startDraining();
                return true;
            }
            entry.outcome().complete(PublishOutcome.refused(Kind.FAILED, ConnectionFailures.describe(unwrap(error))));
            return false;
        });
    }

    private void startDraining() {
        if (draining.compareAndSet(false, true)) {
            worker.execute(this::drainStep);
        }
    }

    // One message per step, so the queue never exceeds the broker's Receive Maximum; the next step runs
    // when this one settled, or after a poll while the link is down.
    private void drainStep() {
        BrokerConnection c = connection.get().orElse(null);
        if (c != null && c.state() == ConnectionState.CLOSED) {
            queue.takeAll().forEach(e -> e.outcome().complete(PublishOutcome.refused(Kind.CLOSED)));
            draining.set(false);
            return;
        }
        if (c == null || c.state() != ConnectionState.CONNECTED) {
            poll.execute(this::drainStep);
            return;
        }
        OfflineQueue.Entry head = queue.poll();
        if (head == null) {
            draining.set(false);
            // A message queued between poll() and set(false) must not wait for the next one.
            if (!queue.isEmpty()) {
                startDraining();
            }
            return;
        }
        attempt(c, head).whenComplete((putBack, error) ->
                (Boolean.TRUE.equals(putBack) ? poll : worker).execute(this::drainStep));
    }

    private static boolean connectionGone(Throwable error) {
        Throwable cause = unwrap(error);
        int code = cause instanceof org.eclipse.paho.mqttv5.common.MqttException v5 ? v5.getReasonCode()
                : cause instanceof org.eclipse.paho.client.mqttv3.MqttException v3 ? v3.getReasonCode() : -1;
        return code == CLIENT_NOT_CONNECTED || code == CONNECTION_LOST || code == CLIENT_DISCONNECTING;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
