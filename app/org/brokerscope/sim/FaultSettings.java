package org.brokerscope.sim;

/**
 * Faults a sensor injects on purpose, to teach alerts and test robustness. Rates are chances per reading.
 *
 * @param dropout     a reading is not sent
 * @param spike       a reading jumps by the measure's spike size, up or down
 * @param stuck       the value freezes for the next {@link #STUCK_READINGS} readings
 * @param driftPerDay the readings drift this many units per simulated day (a probe going bad)
 * @param garbled     the payload is sent corrupted: cut short and with bytes that are not valid UTF-8
 */
public record FaultSettings(double dropout, double spike, double stuck, double driftPerDay, double garbled) {
    public static final int STUCK_READINGS = 20;
    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, 0, 0);

    public FaultSettings {
        checkRate("dropout", dropout);
        checkRate("spike", spike);
        checkRate("stuck", stuck);
        checkRate("garbled", garbled);
        if (!Double.isFinite(driftPerDay)) {
            throw new IllegalArgumentException("driftPerDay must be a number, was " + driftPerDay);
        }
    }

    public boolean any() {
        return !equals(NONE);
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be a chance between 0 and 1, was " + rate);
        }
    }
}
