package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.brokerscope.domain.Topics.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicsTest {

    @ParameterizedTest(name = "name \"{0}\" -> {1}")
    @CsvSource(nullValues = "OK", value = {
        "maison/salon/temperature, OK",
        "/leading/slash, OK",
        "a//b, OK",
        "température/salon, OK",
        "'', EMPTY",
        "maison/+/temperature, WILDCARD_IN_NAME",
        "zigbee2mqtt/#, WILDCARD_IN_NAME",
    })
    void topicNames(String topic, Problem expected) {
        assertEquals(Optional.ofNullable(expected), Topics.checkName(topic));
    }

    @ParameterizedTest(name = "filter \"{0}\" -> {1}")
    @CsvSource(nullValues = "OK", value = {
        "#, OK",
        "+, OK",
        "maison/+/temperature, OK",
        "zigbee2mqtt/#, OK",
        "+/+/#, OK",
        "'', EMPTY",
        "a/#/b, MISPLACED_MULTI_LEVEL",
        "a/b#, MISPLACED_MULTI_LEVEL",
        "a/b+, MISPLACED_SINGLE_LEVEL",
        "sport+, MISPLACED_SINGLE_LEVEL",
    })
    void topicFilters(String filter, Problem expected) {
        assertEquals(Optional.ofNullable(expected), Topics.checkFilter(filter));
    }

    @Test
    void nulAndLengthAreRefusedForNamesAndFilters() {
        assertEquals(Optional.of(Problem.NUL_CHARACTER), Topics.checkName("a\u0000b"));
        assertEquals(Optional.of(Problem.NUL_CHARACTER), Topics.checkFilter("a\u0000b"));
        // 65,535 bytes is the limit; "é" is two bytes in UTF-8, so 32,768 of them are one byte over.
        assertEquals(Optional.empty(), Topics.checkName("a".repeat(Topics.MAX_BYTES)));
        assertEquals(Optional.of(Problem.TOO_LONG), Topics.checkName("é".repeat(32_768)));
        assertEquals(Optional.empty(), Topics.checkName("é".repeat(32_767)));
    }

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\": {2}")
    @CsvSource({
        "maison/+/temperature, maison/salon/temperature, true",
        "maison/+/temperature, maison/salon/humidity, false",
        "maison/+/temperature, maison/salon/capteur1/temperature, false",
        "maison/#, maison, true",
        "maison/#, maison/salon/temperature, true",
        "#, anything/at/all, true",
        "+, single, true",
        "+, two/levels, false",
        "a/+, a/, true",
        "+/+, /finance, true",
        "#, $SYS/broker/uptime, false",
        "+/broker/uptime, $SYS/broker/uptime, false",
        "$SYS/#, $SYS/broker/uptime, true",
        "a/b, a/b/c, false",
    })
    void filterMatching(String filter, String topic, boolean expected) {
        assertEquals(expected, Topics.matches(filter, topic));
    }

    @Test
    void dollarTopicsAreReserved() {
        assertTrue(Topics.isReserved("$SYS/broker/clients"));
        assertFalse(Topics.isReserved("maison/$salon"));
    }
}
