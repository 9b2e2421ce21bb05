package org.brokerscope.ui.publish;

/**
 * One "send every N ms" run: how many messages are due at a frame, never more than a few in flight at once
 * (Paho gives every PUBLISH a message ID and refuses past the broker's Receive Maximum, so a repeat that
 * did not wait for acknowledgements would fail instead of going faster). FX thread only.
 *
 * @param intervalMillis time between sends
 * @param limit          how many to send; 0 for "until stopped"
 * @param maxInFlight    sends not yet settled that may be outstanding
 */
record RepeatRun(long intervalMillis, long limit, long startNanos, long sent, int inFlight, int maxInFlight) {
    /** QoS 1/2: below the Receive Maximum of 10 that HiveMQ grants by default. */
    static final int MAX_IN_FLIGHT_ACKNOWLEDGED = 8;
    /** QoS 0 is not bound by Receive Maximum; it only needs its token back before the IDs run out. */
    static final int MAX_IN_FLIGHT_QOS0 = 200;
    /** Caps one frame's work when the interval is shorter than a frame. */
    static final int MAX_PER_FRAME = 200;

    static RepeatRun start(long intervalMillis, long limit, long nowNanos, int qos) {
        return new RepeatRun(Math.max(1, intervalMillis), Math.max(0, limit), nowNanos, 0, 0,
                qos == 0 ? MAX_IN_FLIGHT_QOS0 : MAX_IN_FLIGHT_ACKNOWLEDGED);
    }

    /** How many to send now: those due by the clock, within the in-flight and per-frame caps. */
    int dueAt(long nowNanos) {
        long byClock = (nowNanos - startNanos) / 1_000_000 / intervalMillis + 1;
        long target = limit > 0 ? Math.min(limit, byClock) : byClock;
        long due = Math.min(target - sent, Math.min(maxInFlight - inFlight, MAX_PER_FRAME));
        return (int) Math.max(0, due);
    }

    RepeatRun sentOne() {
        return new RepeatRun(intervalMillis, limit, startNanos, sent + 1, inFlight + 1, maxInFlight);
    }

    RepeatRun settledOne() {
        return new RepeatRun(intervalMillis, limit, startNanos, sent, Math.max(0, inFlight - 1), maxInFlight);
    }

    boolean finished() {
        return limit > 0 && sent >= limit && inFlight == 0;
    }
}
