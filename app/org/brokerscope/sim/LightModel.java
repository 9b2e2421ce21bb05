package org.brokerscope.sim;

import java.time.Instant;

/**
 * Illuminance: daylight from 7 to 19 under passing clouds, plus the lights switched on when people are
 * up and it is dark.
 */
public final class LightModel extends SteppedModel {
    private static final double LAMP_LUX = 300;

    private final Occupancy occupancy;
    private final double peakDaylight;
    private final Wander clouds = new Wander(0.2, 1_800);

    /** @param peakDaylight lux at noon under a clear sky: a few hundred indoors, tens of thousands outdoors */
    public LightModel(Occupancy occupancy, double peakDaylight, long seed) {
        super(Measure.LIGHT, seed);
        this.occupancy = occupancy;
        this.peakDaylight = peakDaylight;
    }

    @Override
    protected double step(Instant time, double dt) {
        double hour = hourOfDay(time);
        double sun = Math.max(0, Math.sin(Math.PI * (hour - 7) / 12));
        double cloudCover = Math.clamp(0.75 + clouds.step(dt, random), 0.2, 1);
        double daylight = peakDaylight * sun * cloudCover;
        boolean lampsOn = occupancy.active(time) && daylight < 150;
        double lux = daylight + (lampsOn ? LAMP_LUX : 0);
        return lux * (1 + 0.02 * random.nextGaussian());
    }
}
