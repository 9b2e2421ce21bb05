package org.brokerscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimClockTest {
    private static final Instant START = Instant.parse("2025-03-10T08:00:00Z");

    /** A real clock the test moves by hand. */
    static final class HandClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @Test
    void aDayPassesInThreeMinutesAt480() {
        HandClock real = new HandClock();
        SimClock sim = new SimClock(real, START, 480);
        real.millis += 180_000;
        assertEquals(START.plusSeconds(86_400), sim.now());
    }

    @Test
    void pausingFreezesTimeAndResumingContinuesFromThere() {
        HandClock real = new HandClock();
        SimClock sim = new SimClock(real, START, 60);
        real.millis += 1_000;
        sim.pause();
        real.millis += 10_000;
        assertEquals(START.plusSeconds(60), sim.now());
        sim.resume();
        real.millis += 1_000;
        assertEquals(START.plusSeconds(120), sim.now());
    }

    @Test
    void changingSpeedKeepsTheTimeReachedSoFar() {
        HandClock real = new HandClock();
        SimClock sim = new SimClock(real, START, 1);
        real.millis += 10_000;
        sim.setAcceleration(100);
        real.millis += 1_000;
        assertEquals(START.plusSeconds(110), sim.now());
    }

    @Test
    void aSpeedBelowRealTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SimClock(new HandClock(), START, 0.5));
    }
}
