package org.brokerscope.ingest;

/**
 * Counters of the ingest path, readable from any thread.
 *
 * @param received    messages handed over by the MQTT client
 * @param applied     messages the ingest thread processed, including those a model failed on
 * @param failed      messages a model threw on; logged, counted and shown, never silent
 * @param dropped     messages refused because the queue was full; never silent, the UI shows this
 * @param queued      messages waiting for the ingest thread: how far behind it is
 * @param topicCount  distinct topics in the model
 * @param lagMillis   how far behind the broker the app is, measured by a {@link LagProbe}; -1 while unknown.
 *                    Unlike {@code queued} it sees the backlog waiting in TCP and in the broker
 * @param skipped     an estimate (a lower bound) of the messages the broker had queued for the app and that
 *                    were skipped to catch up (see {@link LagWatch}); never silent, the UI shows this
 * @param brokerDropped messages the broker says it dropped, for all its clients, since the app connected to it
 *                    (see {@link BrokerDrops}); 0 where the broker does not say
 */
public record IngestStats(long received, long applied, long dropped, long failed, int queued, int topicCount,
                          long lagMillis, long skipped, long brokerDropped) {

    public static final IngestStats ZERO = new IngestStats(0, 0, 0, 0, 0, 0, -1, 0, 0);
}
