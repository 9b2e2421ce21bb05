package org.brokerscope.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** Applies a sensor's {@link FaultSettings} to its readings, from its own seed so faults repeat too. */
final class FaultInjector {
    private final FaultSettings settings;
    private final double spikeSize;
    private final SplittableRandom random;
    private Instant firstReading;
    private int stuckLeft;
    private double stuckValue;

    /** What becomes of one reading. */
    record Outcome(double value, boolean dropped, boolean garbled) {
    }

    FaultInjector(FaultSettings settings, Measure measure, long seed) {
        this.settings = settings;
        this.spikeSize = measure.spikeSize();
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    Outcome apply(double value, Instant time) {
        if (!settings.any()) {
            return new Outcome(value, false, false);
        }
        if (firstReading == null) {
            firstReading = time;
        }
        double out = value;
        if (stuckLeft > 0) {
            stuckLeft--;
            out = stuckValue;
        } else if (random.nextDouble() < settings.stuck()) {
            stuckLeft = FaultSettings.STUCK_READINGS;
            stuckValue = value;
        }
        double days = Duration.between(firstReading, time).toMillis() / 86_400_000.0;
        out += settings.driftPerDay() * days;
        if (random.nextDouble() < settings.spike()) {
            out += random.nextBoolean() ? spikeSize : -spikeSize;
        }
        boolean dropped = random.nextDouble() < settings.dropout();
        boolean garbled = random.nextDouble() < settings.garbled();
        return new Outcome(out, dropped, garbled);
    }

    /** A payload cut in half and followed by bytes no UTF-8 decoder or number parser accepts. */
    byte[] garble(byte[] payload) {
        int keep = payload.length / 2;
        byte[] out = new byte[keep + 3];
        System.arraycopy(payload, 0, out, 0, keep);
        out[keep] = (byte) 0xFF;
        out[keep + 1] = (byte) (0x80 + random.nextInt(0x40));
        out[keep + 2] = '#';
        return out;
    }
}
