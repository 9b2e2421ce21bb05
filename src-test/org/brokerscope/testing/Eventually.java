package org.brokerscope.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes. Tests wait for asynchronous effects this way
 * instead of sleeping a fixed time: they finish as soon as the effect shows, and a slow machine only
 * makes them slower, not red.
 */
public final class Eventually {
    private static final long POLL_MILLIS = 20;

    private Eventually() {
    }

    public static void await(Duration timeout, BooleanSupplier condition, String message) {
        await(timeout, condition, () -> message);
    }

    /** As above; {@code message} is only built on failure, so it can describe the state at the deadline. */
    public static void await(Duration timeout, BooleanSupplier condition, Supplier<String> message) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Not true within " + timeout.toMillis() + " ms: " + message.get());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }
}
