package org.brokerscope.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.brokerscope.domain.HistoryLimits;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.TopicNode;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.domain.TopicTree;
import org.brokerscope.mqtt.MessageSink;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscArrayQueue;

/**
 * The hot path: MQTT callback thread -> bounded queue -> one ingest thread that owns the model.
 *
 * <p>The callback only offers to the queue. A full queue, by count or by bytes, drops the message and
 * counts it, so the client's network thread is never blocked and memory stays bounded. The ingest
 * thread drains in batches and records which topics changed; the UI takes that set once per frame with
 * {@link #takeChanges()}.
 */
public final class IngestPipeline implements MessageSink, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IngestPipeline.class.getName());
    private static final int BATCH = 4_096;
    private static final long IDLE_PARK_NANOS = 1_000_000;

    // Lock-free: the MQTT callback thread never waits on a lock the ingest thread holds.
    private final MessagePassingQueue<Message> queue;
    private final long maxQueuedBytes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final LongAdder received = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicLong applied = new AtomicLong();
    // Probes are the app's own traffic: taken out of received and applied, so those count the broker's messages.
    private final AtomicLong probes = new AtomicLong();
    private final LongAdder skipped = new LongAdder();
    private final BrokerDrops brokerDrops = new BrokerDrops();
    private volatile LagProbe lagProbe;
    private TopicTree tree = new TopicTree();
    private final SourceSwitch sources;
    private volatile long epoch;
    // Questions from other threads (a topic's history, the retained topics of a subtree), answered by the
    // ingest thread between batches so the tree never needs a lock.
    private final ConcurrentLinkedQueue<Runnable> queries = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile int topicCount;
    private volatile boolean running = true;
    private volatile boolean resendAll;

    private final List<Consumer<Message>> observers = new CopyOnWriteArrayList<>();
    private final List<Runnable> switchObservers = new CopyOnWriteArrayList<>();
    private final Object changesLock = new Object();
    private Map<String, TopicSnapshot> changes = new HashMap<>();

    public IngestPipeline(int queueCapacity, long maxQueuedBytes) {
        this.queue = new MpscArrayQueue<>(queueCapacity);
        this.maxQueuedBytes = maxQueuedBytes;
        this.sources = new SourceSwitch(queue, this::accept, () -> {
            received.increment();
            dropped.increment();
        });
        this.thread = Thread.ofPlatform().name("brokerscope-ingest").daemon(true).unstarted(this::run);
    }

    /** A pipeline sized for a desktop: 64k messages or 128 MiB of payload in flight. */
    public static IngestPipeline withDefaults() {
        return new IngestPipeline(65_536, 128L << 20);
    }

    /**
     * Adds a model fed on the ingest thread with each message after the topic tree has taken it (room
     * aggregates, alerts, latency probes). It must be quick: it runs on the hot path.
     */
    public IngestPipeline observe(Consumer<Message> model) {
        observers.add(model);
        return this;
    }

    /**
     * Adds a model told, on the ingest thread, when the monitor moved to another broker: between the old
     * broker's last message and the new one's first, so it can forget the old broker's data.
     */
    public IngestPipeline onBrokerSwitch(Runnable model) {
        switchObservers.add(model);
        return this;
    }

    public IngestPipeline start() {
        thread.start();
        return this;
    }

    /** Called on the MQTT client's callback thread: enqueue or count the drop, never block. */
    @Override
    public void accept(Message message) {
        received.increment();
        long size = message.payloadSize();
        long queuedAfter = queuedBytes.addAndGet(size);
        // A single payload over the budget still passes when nothing else is queued.
        if (queuedAfter > maxQueuedBytes && queuedAfter != size) {
            queuedBytes.addAndGet(-size);
            dropped.increment();
            return;
        }
        if (!queue.offer(message)) {
            queuedBytes.addAndGet(-size);
            dropped.increment();
        }
    }

    /** A sink for one broker connection; see {@link IngestSource}. */
    public IngestSource newSource() {
        return new IngestSource(sources);
    }

    /**
     * How many times the tree was cleared because another source became active. A view that sees it
     * change drops what it shows and asks for {@link #resendAll()}.
     */
    public long epoch() {
        return epoch;
    }

    /** Messages from replaced connections that arrived after the switch and were left out on purpose. */
    public long discardedFromReplacedSources() {
        return sources.discarded();
    }

    public IngestStats stats() {
        LagProbe probe = lagProbe;
        long lag = probe == null ? -1 : probe.lagNanos(System.nanoTime());
        long internal = probes.get();
        return new IngestStats(received.sum() - internal, applied.get() - internal, dropped.sum(), failed.sum(),
                queue.size(), topicCount, lag < 0 ? -1 : lag / 1_000_000, skipped.sum(), brokerDrops.total());
    }

    /** Takes {@code probe}'s messages out of the stream, on the ingest thread, and reports its lag in {@link #stats()}. */
    public IngestPipeline measureLagWith(LagProbe probe) {
        this.lagProbe = probe;
        return this;
    }

    /** Counts messages the broker had queued and that were skipped to catch up (an estimate). */
    public void countSkipped(long estimate) {
        skipped.add(estimate);
    }

    /**
     * Runs {@code question} on the ingest thread against the topic tree, between two batches, and
     * completes with its answer. The answer must be immutable: the tree itself must not escape.
     */
    public <T> CompletableFuture<T> query(Function<TopicTree, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        queries.add(() -> {
            try {
                answer.complete(question.apply(tree));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /** The last messages of {@code topic}, oldest first; empty for an unknown topic. */
    public CompletableFuture<List<Message>> history(String topic) {
        return query(t -> t.find(topic).map(TopicNode::history).orElse(List.of()));
    }

    /** Changes how many messages each topic keeps (default {@value HistoryLimits#DEFAULT_ENTRIES}). */
    public CompletableFuture<HistoryLimits> setHistoryEntries(int entries) {
        return query(t -> {
            t.setHistoryLimits(t.historyLimits().withEntries(entries));
            return t.historyLimits();
        });
    }

    /**
     * The topics changed since the last call, latest state each, including the levels above them (their
     * subtree totals changed too). Called by the UI once per frame.
     */
    public Map<String, TopicSnapshot> takeChanges() {
        synchronized (changesLock) {
            if (changes.isEmpty()) {
                return Map.of();
            }
            Map<String, TopicSnapshot> taken = changes;
            changes = new HashMap<>();
            return taken;
        }
    }

    /**
     * Asks the ingest thread to hand every known topic over again with the next changes, for a view
     * built after the messages arrived (a new window, the shell rebuilt in another language).
     */
    public void resendAll() {
        resendAll = true;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Message> batch = new ArrayList<>(BATCH);
        Map<String, TopicNode> touched = new HashMap<>();
        while (running) {
            try {
                if (resendAll) {
                    resendAll = false;
                    synchronized (changesLock) {
                        tree.forEachLevel(node -> changes.put(node.topic(), node.snapshot()));
                    }
                }
                answerQueries();
                sources.offerOwedReset();
                if (queue.drain(batch::add, BATCH) == 0) {
                    // Sleep rather than block on the queue: a blocked consumer makes every offer wake it,
                    // a context switch per message. Messages gather for a millisecond instead; the UI
                    // only looks once per frame anyway.
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                    continue;
                }
                applyBatch(batch, touched);
            } finally {
                batch.clear();
                touched.clear();
            }
        }
    }

    private void answerQueries() {
        for (Runnable q = queries.poll(); q != null; q = queries.poll()) {
            q.run();
        }
    }

    private void applyBatch(List<Message> batch, Map<String, TopicNode> touched) {
        long bytes = 0;
        int resets = 0;
        LagProbe probe = lagProbe;
        long now = System.nanoTime();
        for (Message m : batch) {
            if (m == SourceSwitch.RESET) {
                resets++;
                clearTree(touched);
                continue;
            }
            bytes += m.payloadSize();
            if (probe != null && probe.arrived(m, now)) {
                probes.incrementAndGet();
                continue;
            }
            // One message a model cannot take must not cost the rest of the batch, or the counters.
            try {
                touched.put(m.topic(), tree.apply(m));
                brokerDrops.observe(m);
                for (Consumer<Message> observer : observers) {
                    observer.accept(m);
                }
            } catch (RuntimeException e) {
                failed.increment();
                if (Long.bitCount(failed.sum()) == 1) { // the 1st, 2nd, 4th, 8th... failure: seen, not flooding
                    LOG.log(System.Logger.Level.ERROR, "A model failed on a message to " + m.topic(), e);
                }
            }
        }
        queuedBytes.addAndGet(-bytes);
        topicCount = tree.topicCount();
        TopicTree.addAncestors(touched); // their subtree totals changed too
        // Snapshots are taken once per topic per batch, not once per message.
        synchronized (changesLock) {
            touched.forEach((topic, node) -> changes.put(topic, node.snapshot()));
        }
        applied.addAndGet(batch.size() - resets);
    }

    // Another broker: its topics replace the old ones; the history limits the user chose stay.
    private void clearTree(Map<String, TopicNode> touched) {
        tree = new TopicTree(tree.historyLimits());
        brokerDrops.reset();
        touched.clear();
        topicCount = 0;
        synchronized (changesLock) {
            changes.clear();
            epoch++;
        }
        switchObservers.forEach(Runnable::run);
    }
}
