package org.brokerscope.sim;

import java.time.Instant;

/**
 * An on/off sensor: a motion detector (triggers while people are up, holds 30 s) or a door contact (opens
 * now and then, stays open up to a minute). Readings are 1 or 0; the sensor publishes only changes.
 */
public final class EventModel extends SteppedModel {
    private final Occupancy occupancy;
    private final double activeMeanGapSeconds;
    private final double idleMeanGapSeconds;
    private final double holdSeconds;
    private double remainingOn;

    private EventModel(Measure measure, Occupancy occupancy, double activeGap, double idleGap, double hold, long seed) {
        super(measure, seed);
        this.occupancy = occupancy;
        this.activeMeanGapSeconds = activeGap;
        this.idleMeanGapSeconds = idleGap;
        this.holdSeconds = hold;
    }

    public static EventModel motion(Occupancy occupancy, long seed) {
        return new EventModel(Measure.MOTION, occupancy, 90, Double.POSITIVE_INFINITY, 30, seed);
    }

    public static EventModel door(Occupancy occupancy, long seed) {
        return new EventModel(Measure.DOOR, occupancy, 1_800, 8 * 3_600, 40, seed);
    }

    @Override
    protected double step(Instant time, double dt) {
        remainingOn = Math.max(0, remainingOn - dt);
        double meanGap = occupancy.active(time) ? activeMeanGapSeconds : idleMeanGapSeconds;
        // The chance that at least one event happened during the step (Poisson arrivals).
        double chance = dt == 0 ? 0 : 1 - Math.exp(-dt / meanGap);
        if (random.nextDouble() < chance) {
            remainingOn = holdSeconds * (0.5 + random.nextDouble());
        }
        return remainingOn > 0 ? 1 : 0;
    }
}
