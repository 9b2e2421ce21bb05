package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void withoutJitterTheDelayDoublesFromOneSecondAndStopsAtThirty() {
        Backoff middle = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5);

        assertEquals(Duration.ofSeconds(1), middle.delay(0));
        assertEquals(Duration.ofSeconds(2), middle.delay(1));
        assertEquals(Duration.ofSeconds(16), middle.delay(4));
        assertEquals(Duration.ofSeconds(30), middle.delay(5));
        assertEquals(Duration.ofSeconds(30), middle.delay(1_000), "a huge attempt count must not overflow");
    }

    @Test
    void jitterSpreadsEachDelayByAQuarterButNeverPastTheCap() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999_999);

        assertEquals(Duration.ofMillis(750), low.delay(0));
        assertEquals(Duration.ofMillis(1250), high.delay(0));
        assertEquals(Duration.ofMillis(22_500), low.delay(10));
        assertEquals(Duration.ofSeconds(30), high.delay(10), "the cap holds with jitter");
    }

    @Test
    void thirtyClientsThatLostTheBrokerTogetherDoNotAllComeBackTogether() {
        SplittableRandom random = new SplittableRandom(7);
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), random::nextDouble);
        Set<Duration> firstAttempts = new HashSet<>();
        for (int client = 0; client < 30; client++) {
            Duration d = backoff.delay(0);
            assertTrue(d.compareTo(Duration.ofMillis(750)) >= 0 && d.compareTo(Duration.ofMillis(1250)) <= 0, d::toString);
            firstAttempts.add(d);
        }
        assertTrue(firstAttempts.size() > 20, "only " + firstAttempts.size() + " distinct delays for 30 clients");
    }
}
