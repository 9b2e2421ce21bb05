package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.brokerscope.domain.PayloadTemplate.Context;
import org.brokerscope.domain.PayloadTemplate.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadTemplateTest {
    private static final Instant NOW = Instant.parse("2026-11-23T08:15:30.123456Z");

    private static Context context(long counter) {
        return new Context(counter, NOW, RandomGenerator.of("L64X128MixRandom"));
    }

    private static String expand(String template) {
        return PayloadTemplate.expand(template, context(7)).text().orElseThrow(
                () -> new AssertionError(PayloadTemplate.check(template).toString()));
    }

    @Test
    void timestampCounterAndUuidAreReplaced() {
        assertEquals("at 2026-11-23T08:15:30.123Z #7", expand("at {timestamp} #{counter}"));
        String uuid = expand("{uuid}");
        assertEquals(4, UUID.fromString(uuid).version());
        assertEquals(2, UUID.fromString(uuid).variant());
    }

    @Test
    void randomStaysWithinItsInclusiveBoundsAndReachesBoth() {
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(PayloadTemplate.expand("{random:10:12}", new Context(i, NOW, random)).text().orElseThrow());
        }
        assertEquals(Set.of("10", "11", "12"), seen);
        String decimal = expand("{random:-1.5:2.25}");
        double value = Double.parseDouble(decimal);
        assertTrue(value >= -1.5 && value <= 2.25 && decimal.matches("-?\\d\\.\\d\\d"), decimal);
        assertEquals("5", expand("{random:5:5}"));
    }

    @Test
    void jsonAndTextWithoutVariablesPassThroughUntouched() {
        String json = "{\"a\": {\"b\": [1, {}]}, \"c\": \"{not a var}\"}";
        assertEquals(json, expand(json));
        assertEquals("", expand(""));
        assertEquals("{ } {} {1} {A}", expand("{ } {} {1} {A}"));
        assertEquals("{\"t\": 21.5, \"n\": 7}", expand("{\"t\": 21.5, \"n\": {counter}}"));
    }

    @Test
    void doubleBraceIsALiteralBrace() {
        assertEquals("{counter} is 7", expand("{{counter} is {counter}"));
    }

    @Test
    void emojiWildcardsAndNulCharactersAreJustText() {
        assertEquals("☀️ 🌡 7 # + \u0000 end", expand("☀️ 🌡 {counter} # + \u0000 end"));
    }

    @Test
    void aLongTemplateExpandsEveryVariable() {
        String template = "x{counter}".repeat(100_000);
        String out = expand(template);
        assertEquals("x7".repeat(100_000), out);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} at {2}")
    @CsvSource(delimiter = '|', value = {
        "temp {timestam}           | UNKNOWN_VARIABLE     | 5",
        "{counter                  | UNCLOSED             | 0",
        "ok {random:10:30          | UNCLOSED             | 3",
        "{random}                  | BAD_RANDOM_RANGE     | 0",
        "{random:10}               | BAD_RANDOM_RANGE     | 0",
        "{random:a:b}              | BAD_RANDOM_RANGE     | 0",
        "{random:1:2:3}            | BAD_RANDOM_RANGE     | 0",
        "{random:30:10}            | RANDOM_MIN_ABOVE_MAX | 0",
        "{uuid:4}                  | UNEXPECTED_ARGUMENTS | 0",
        "a {counter} b {nope}      | UNKNOWN_VARIABLE     | 14",
    })
    void badSyntaxIsReportedWithItsPlace(String template, Problem problem, int position) {
        Optional<PayloadTemplate.Error> error = PayloadTemplate.check(template.strip());
        assertEquals(Optional.of(problem), error.map(PayloadTemplate.Error::problem), template);
        assertEquals(position, error.orElseThrow().position());
    }

    @Test
    void theErrorQuotesTheOffendingFragment() {
        assertEquals("{random:30:10}", PayloadTemplate.check("v={random:30:10}").orElseThrow().fragment());
    }
}
