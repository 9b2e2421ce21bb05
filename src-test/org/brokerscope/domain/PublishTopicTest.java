package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.brokerscope.domain.Topics.Problem;
import org.junit.jupiter.api.Test;

/** The topic edge cases the publish form meets: what a user types or pastes. */
class PublishTopicTest {

    @Test
    void emptyWildcardsNulAndLength() {
        assertEquals(Optional.of(Problem.EMPTY), Topics.checkName(""));
        assertEquals(Optional.of(Problem.WILDCARD_IN_NAME), Topics.checkName("+"));
        assertEquals(Optional.of(Problem.WILDCARD_IN_NAME), Topics.checkName("#"));
        assertEquals(Optional.of(Problem.WILDCARD_IN_NAME), Topics.checkName("maison/salon#"));
        assertEquals(Optional.of(Problem.NUL_CHARACTER), Topics.checkName("\u0000"));
        assertEquals(Optional.of(Problem.TOO_LONG), Topics.checkName("a".repeat(Topics.MAX_BYTES + 1)));
    }

    @Test
    void emojiAreValidAndCountFourBytesEach() {
        assertEquals(Optional.empty(), Topics.checkName("maison/☀/🌡"));
        // 🌡 is 4 UTF-8 bytes: 16,383 of them are 65,532 bytes, 16,384 are 65,536.
        assertEquals(Optional.empty(), Topics.checkName("🌡".repeat(16_383)));
        assertEquals(Optional.of(Problem.TOO_LONG), Topics.checkName("🌡".repeat(16_384)));
    }

    @Test
    void blanksAndDollarAreValidButDollarIsReserved() {
        assertEquals(Optional.empty(), Topics.checkName(" "));
        assertEquals(Optional.empty(), Topics.checkName("/"));
        assertTrue(Topics.isReserved("$SYS/x"));
        assertEquals(Optional.empty(), Topics.checkName("$SYS/x"));
    }
}
