package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateMeterTest {
    private static final long MS = 1_000_000;

    @Test
    void aSteadyStreamGivesItsRate() {
        RateMeter meter = RateMeter.oneSecond();
        double rate = 0;
        // 500 msg/s sampled every 250 ms, as the status bar does.
        for (int i = 0; i <= 12; i++) {
            rate = meter.sample(i * 250 * MS, i * 125L);
        }
        assertEquals(500, rate, 0.5);
    }

    @Test
    void aStreamThatStopsFallsToZeroWithinAboutASecond() {
        RateMeter meter = RateMeter.oneSecond();
        for (int i = 0; i <= 8; i++) {
            meter.sample(i * 250 * MS, i * 250L);
        }
        double rate = 0;
        for (int i = 9; i <= 14; i++) {
            rate = meter.sample(i * 250 * MS, 2_000);
        }
        assertEquals(0, rate, 0.001);
    }

    @Test
    void theFirstSampleIsZeroNotADivisionByZero() {
        assertEquals(0, RateMeter.oneSecond().sample(5 * MS, 100), 0.0);
    }
}
