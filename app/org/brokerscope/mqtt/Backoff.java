package org.brokerscope.mqtt;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before each reconnect attempt: 1 s, doubling, capped at 30 s, each spread by ±25%
 * jitter. The jitter matters in a classroom: thirty clients that lost the same broker at the same moment
 * must not all come back in the same millisecond, every time.
 *
 * @param first  the delay before the first attempt
 * @param cap    no delay is longer than this, jitter included
 * @param random gives numbers in [0, 1); tests pass a fixed one
 */
public record Backoff(Duration first, Duration cap, DoubleSupplier random) {
    private static final double JITTER = 0.25;

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Math::random);
    }

    /** The delay before attempt {@code attempt} (0 for the first attempt after a loss). */
    public Duration delay(int attempt) {
        long base = first.toMillis() << Math.min(Math.max(attempt, 0), 20);
        long capped = Math.min(base, cap.toMillis());
        double spread = 1 + JITTER * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.min(Math.round(capped * spread), cap.toMillis()));
    }
}
