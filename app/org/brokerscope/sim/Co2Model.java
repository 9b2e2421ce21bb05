package org.brokerscope.sim;

import java.time.Instant;

/**
 * CO2 in a ventilated room: each person breathes out a steady flow, ventilation pulls the level back
 * towards the outdoor 420 ppm. Solved exactly per step, so the sampling interval does not change it.
 */
public final class Co2Model extends SteppedModel {
    private static final double OUTDOOR_PPM = 420;
    private static final double LITRES_CO2_PER_PERSON_SECOND = 0.005;

    private final Occupancy occupancy;
    private final double volumeLitres;
    private final double airChangesPerSecond;
    private double ppm = OUTDOOR_PPM + 30;

    /**
     * @param volumeM3          the room's volume
     * @param airChangesPerHour ventilation: 0.5 is a closed house, 3 a ventilated classroom
     */
    public Co2Model(Occupancy occupancy, double volumeM3, double airChangesPerHour, long seed) {
        super(Measure.CO2, seed);
        this.occupancy = occupancy;
        this.volumeLitres = volumeM3 * 1_000;
        this.airChangesPerSecond = airChangesPerHour / 3_600;
    }

    @Override
    protected double step(Instant time, double dt) {
        double sourcePpmPerSecond = occupancy.people(time) * LITRES_CO2_PER_PERSON_SECOND / volumeLitres * 1e6;
        double steady = OUTDOOR_PPM + sourcePpmPerSecond / airChangesPerSecond;
        ppm = steady + (ppm - steady) * Math.exp(-airChangesPerSecond * dt);
        return ppm + 4 * random.nextGaussian();
    }
}
