package org.brokerscope.sim;

import java.time.Instant;

/**
 * Air temperature that relaxes towards a target: indoors the heating's set point (comfort by day, set-back
 * at night) plus some afternoon sun; outdoors a daily cycle. A slow wander and a little probe noise on
 * top; the relaxation pulls it back, so it never drifts away.
 */
public final class TemperatureModel extends SteppedModel {
    private static final double PEAK_HOUR = 15;

    private final double comfort;
    private final double setBack;
    private final double sunAmplitude;
    private final double tauSeconds;
    private final boolean heated;
    private final Wander wander;
    private double value = Double.NaN;

    private TemperatureModel(double comfort, double setBack, double sunAmplitude, double tauSeconds, boolean heated,
                             Wander wander, long seed) {
        super(Measure.TEMPERATURE, seed);
        this.comfort = comfort;
        this.setBack = setBack;
        this.sunAmplitude = sunAmplitude;
        this.tauSeconds = tauSeconds;
        this.heated = heated;
        this.wander = wander;
    }

    /** A heated room: {@code comfort} °C from 6:30 to 22:30, 3 °C less at night. */
    public static TemperatureModel indoor(double comfort, long seed) {
        return new TemperatureModel(comfort, comfort - 3, 1.0, 3_600, true, new Wander(0.3, 1_800), seed);
    }

    /** Outdoors around a daily mean of {@code mean} °C, warmest mid-afternoon, with days of weather on top. */
    public static TemperatureModel outdoor(double mean, long seed) {
        return new TemperatureModel(mean, mean, 5, 7_200, false, new Wander(2.5, 6 * 3_600), seed);
    }

    @Override
    protected double step(Instant time, double dt) {
        double hour = hourOfDay(time);
        double target = (heated && (hour < 6.5 || hour >= 22.5) ? setBack : comfort)
                + sunAmplitude * Math.cos(2 * Math.PI * (hour - PEAK_HOUR) / 24);
        value = Double.isNaN(value) ? target : value + (target - value) * approach(dt, tauSeconds);
        return value + wander.step(dt, random) + 0.05 * random.nextGaussian();
    }
}
