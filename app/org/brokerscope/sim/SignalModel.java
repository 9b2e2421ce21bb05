package org.brokerscope.sim;

import java.time.Instant;

/** A source of realistic readings for one measure. Deterministic for a given seed and time sequence. */
public interface SignalModel {

    /** The reading at {@code time}; calls come with non-decreasing times. */
    double next(Instant time);

    /** The unit shown next to the value, e.g. {@code °C}. */
    String unit();
}
