package org.brokerscope.ingest;

import org.brokerscope.domain.Message;
import org.brokerscope.mqtt.MessageSink;

/**
 * The way one broker connection feeds an {@link IngestPipeline}. Only one source is active at a time:
 * when another one becomes active (the user switched broker), the pipeline clears its topic tree, in
 * order with the messages, and what the replaced connection still delivers while it closes is discarded.
 *
 * <p>A new source becomes active with its first message (retained messages arrive right after the
 * subscribe, before the switch is complete) or with {@link #activate()}, whichever comes first.
 */
public final class IngestSource implements MessageSink {
    enum State { NEW, ACTIVE, RETIRED }

    private final SourceSwitch sources;
    // Guarded by the switch's lock.
    State state = State.NEW;

    IngestSource(SourceSwitch sources) {
        this.sources = sources;
    }

    /** Called on the MQTT client's callback thread. */
    @Override
    public void accept(Message message) {
        sources.accept(this, message);
    }

    /** Makes this the pipeline's source, clearing the tree when another one was active; idempotent. */
    public void activate() {
        sources.activate(this);
    }

    public boolean isActive() {
        return sources.isActive(this);
    }
}
