package org.brokerscope.sim;

import java.time.Clock;
import java.time.Instant;

/**
 * Simulated time: runs {@code acceleration} times faster than the real clock (480 makes a day last three
 * minutes), and stands still while paused. Readings and their timestamps use it, publishing intervals
 * stay real.
 */
public final class SimClock {
    private final Clock real;
    private Instant simAnchor;
    private long realAnchorMillis;
    private double acceleration;
    private boolean paused;

    public SimClock(Clock real, Instant start, double acceleration) {
        checkAcceleration(acceleration);
        this.real = real;
        this.simAnchor = start;
        this.realAnchorMillis = real.millis();
        this.acceleration = acceleration;
    }

    /** Real time from now on, at normal speed. */
    public static SimClock realTime() {
        return new SimClock(Clock.systemUTC(), Instant.now(), 1);
    }

    public synchronized Instant now() {
        if (paused) {
            return simAnchor;
        }
        long elapsed = real.millis() - realAnchorMillis;
        return simAnchor.plusMillis(Math.round(elapsed * acceleration));
    }

    public synchronized double acceleration() {
        return acceleration;
    }

    public synchronized void setAcceleration(double newAcceleration) {
        checkAcceleration(newAcceleration);
        rebase();
        acceleration = newAcceleration;
    }

    public synchronized void pause() {
        rebase();
        paused = true;
    }

    public synchronized void resume() {
        if (paused) {
            realAnchorMillis = real.millis();
            paused = false;
        }
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    private void rebase() {
        simAnchor = now();
        realAnchorMillis = real.millis();
    }

    private static void checkAcceleration(double value) {
        if (!(value >= 1 && value <= 100_000)) {
            throw new IllegalArgumentException("Time acceleration must be between 1 and 100000, was " + value);
        }
    }
}
