package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateMeterTest {
    private static final long MS = 1_000_000;

    @Test
    void aSteadyStreamGivesItsRate() {
        RateMeter meter = RateMeter.fiveSeconds();
        double rate = 0;
        // 500 msg/s sampled every 250 ms, as the status bar does.
        for (int i = 0; i <= 40; i++) {
            rate = meter.sample(i * 250 * MS, i * 125L);
        }
        assertEquals(500, rate, 0.5);
    }

    @Test
    void oneSecondBurstsSampledOnFrameBoundariesShowTheirTrueRate() {
        // Six sensors publishing together once a second; the status bar samples every 16 frames.
        RateMeter meter = RateMeter.fiveSeconds();
        long frameNanos = 16_666_667;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int frame = 16; frame <= 60 * 30; frame += 16) {
            long now = frame * frameNanos;
            long total = 6 * (now / 1_000_000_000L + 1);
            double rate = meter.sample(now, total);
            if (now > 6_000_000_000L) {
                min = Math.min(min, rate);
                max = Math.max(max, rate);
            }
        }
        // A one-second window here swung between 6 and 12.
        assertEquals(6, min, 1.3);
        assertEquals(6, max, 1.3);
    }

    @Test
    void aStreamThatStopsFallsToZeroWithinTheWindow() {
        RateMeter meter = RateMeter.fiveSeconds();
        for (int i = 0; i <= 20; i++) {
            meter.sample(i * 250 * MS, i * 250L);
        }
        double rate = 0;
        for (int i = 21; i <= 45; i++) {
            rate = meter.sample(i * 250 * MS, 5_000);
        }
        assertEquals(0, rate, 0.001);
    }

    @Test
    void theFirstSampleIsZeroNotADivisionByZero() {
        assertEquals(0, RateMeter.fiveSeconds().sample(5 * MS, 100), 0.0);
    }
}
