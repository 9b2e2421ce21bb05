package org.brokerscope.ingest;

import java.util.concurrent.atomic.LongAdder;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.MessageProperties;
import org.brokerscope.mqtt.MessageSink;
import org.jctools.queues.MessagePassingQueue;

/**
 * Which {@link IngestSource} feeds the pipeline. Switching puts {@link #RESET} into the queue, so the
 * ingest thread clears its tree exactly between the old broker's last message and the new one's first.
 * The callback threads of two connections meet on this lock only while a switch is under way.
 */
final class SourceSwitch {
    /** The marker the ingest thread clears its tree at; compared by identity. */
    static final Message RESET = new Message("", new byte[0], 0, false, MessageProperties.NONE, 0, 0);

    private final MessagePassingQueue<Message> queue;
    private final MessageSink pipeline;
    private final Runnable droppedWaitingForReset;
    private final LongAdder discarded = new LongAdder();
    private final Object lock = new Object();
    private IngestSource active;
    private volatile boolean resetOwed;

    SourceSwitch(MessagePassingQueue<Message> queue, MessageSink pipeline, Runnable droppedWaitingForReset) {
        this.queue = queue;
        this.pipeline = pipeline;
        this.droppedWaitingForReset = droppedWaitingForReset;
    }

    long discarded() {
        return discarded.sum();
    }

    void accept(IngestSource source, Message message) {
        synchronized (lock) {
            if (source.state == IngestSource.State.RETIRED) {
                discarded.increment();
                return;
            }
            if (source.state == IngestSource.State.NEW) {
                activateLocked(source);
            }
            if (resetOwed && !offerReset()) {
                // The clear must come first; until it fits in the queue, the new broker's messages are
                // dropped and counted like any overload.
                droppedWaitingForReset.run();
                return;
            }
            pipeline.accept(message);
        }
    }

    void activate(IngestSource source) {
        synchronized (lock) {
            activateLocked(source);
        }
    }

    boolean isActive(IngestSource source) {
        synchronized (lock) {
            return active == source;
        }
    }

    /** From the ingest thread: a quiet new broker sends nothing that would carry an owed reset in. */
    void offerOwedReset() {
        if (resetOwed) {
            synchronized (lock) {
                if (resetOwed) {
                    offerReset();
                }
            }
        }
    }

    private void activateLocked(IngestSource source) {
        if (active == source) {
            return;
        }
        if (active != null) {
            active.state = IngestSource.State.RETIRED;
            resetOwed = true;
            offerReset();
        }
        source.state = IngestSource.State.ACTIVE;
        active = source;
    }

    private boolean offerReset() {
        resetOwed = !queue.offer(RESET);
        return !resetOwed;
    }
}
