package org.brokerscope.domain.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueParserTest {
    private static final TopicMatch TEMP = new TopicMatch("maison", "salon", Optional.of("temperature"), "", "");

    @Test
    void plainNumbersWithDotOrCommaAndUnits() {
        assertEquals(new PayloadValue.Number(21.5, ""), ValueParser.parse("21.5"));
        assertEquals(new PayloadValue.Number(21.5, ""), ValueParser.parse(" 21,5\n"));
        assertEquals(new PayloadValue.Number(-3, ""), ValueParser.parse("-3"));
        assertEquals(new PayloadValue.Number(21.5, "°C"), ValueParser.parse("21.5 °C"));
        assertEquals(new PayloadValue.Number(45, "%"), ValueParser.parse("45%"));
        assertEquals(new PayloadValue.Number(1013.2, "hPa"), ValueParser.parse("1013.2hPa"));
        assertEquals(new PayloadValue.Number(1200, ""), ValueParser.parse("1.2e3"));
    }

    @Test
    void jsonPayloads() {
        assertEquals(21.5, value("{\"value\": 21.5}"));
        assertEquals(21.5, value("{\"temperature\": 21.5, \"unit\": \"C\"}"));
        assertEquals(22.0, value("{\"temp\": \"22,0\", \"battery\": 80}"), "the field named like the measure wins");
        assertEquals(19.0, value("{\"t\": 19}"), "a lone number is the value");
        assertEquals(25.0, value("{\"temperature\": 77, \"unit\": \"°F\"}"), 1e-9);
        assertEquals(21.5, value("21.5"));
    }

    @Test
    void aJsonObjectCanHoldSeveralMeasures() {
        TopicMatch z2m = new TopicMatch("", "bureau", Optional.empty(), "", "$");
        Readings.Result r = Readings.read("zigbee2mqtt/bureau", z2m,
                bytes("{\"temperature\":20.5,\"humidity\":41,\"battery\":97,\"linkquality\":120,\"state\":\"ON\"}"));
        assertEquals(List.of("temperature", "humidity", "battery", "linkquality"), r.readings().stream().map(x -> x.kind().id()).toList());
        assertEquals("zigbee2mqtt/bureau#humidity", r.readings().get(1).source());
        TopicMatch tasmota = new TopicMatch("", "garage", Optional.empty(), "", "AM2301");
        Readings.Result t = Readings.read("tele/garage/SENSOR", tasmota,
                bytes("{\"Time\":\"2026-11-23T08:00:00\",\"AM2301\":{\"Temperature\":12.3,\"Humidity\":80.1},\"TempUnit\":\"C\"}"));
        assertEquals(List.of(12.3, 80.1), t.readings().stream().map(Reading::value).toList());
    }

    @Test
    void unreadablePayloadsSayWhyAndGiveNoNumber() {
        for (String bad : List.of("", "   ", "on", "NaN", "21.5.3", "abc 12", "{\"value\": \"hot\"}", "{\"a\":1,\"b\":2}",
                "{broken", "[1,2", "Infinity")) {
            Readings.Result r = Readings.read("maison/salon/temperature", TEMP, bytes(bad));
            assertTrue(r.readings().isEmpty() && r.unreadable().isPresent(), "should be unreadable: " + bad);
        }
        assertInstanceOf(PayloadValue.Unreadable.class, ValueParser.parse(new byte[] {(byte) 0xff, (byte) 0xfe, 0}));
        assertEquals("expected a JSON object of measures at \"$\"", Readings.read("z/r", new TopicMatch("", "r", Optional.empty(), "", "$"),
                bytes("[1]")).unreadable().orElseThrow());
    }

    @Test
    void miniJsonReadsNestedDocumentsAndPaths() {
        Object root = MiniJson.parse("{\"a\": {\"b\": [1, {\"c\": \"x\\\"y\"}]}, \"t\": true, \"n\": null}");
        assertEquals(Optional.of("x\"y"), MiniJson.path(root, "a.b.1.c"));
        assertEquals(Optional.of(1.0), MiniJson.path(root, "$.a.b.0"));
        assertEquals(Optional.empty(), MiniJson.path(root, "a.z"));
        assertInstanceOf(IllegalArgumentException.class, catchIt(() -> MiniJson.parse("[".repeat(100))));
    }

    private static Object catchIt(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static double value(String payload) {
        Readings.Result r = Readings.read("maison/salon/temperature", TEMP, bytes(payload));
        assertEquals(1, r.readings().size(), () -> payload + " -> " + r);
        return r.readings().getFirst().value();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void mayBeValueIsFalseOnlyWhereParseFindsNothing() {
        java.util.Random random = new java.util.Random(20261123);
        List<byte[]> payloads = new java.util.ArrayList<>();
        for (String text : List.of("21.5", " 21,5\n", "-3", "+4", ".5", ",5", "{\"v\":1}", "[1]", "\u2003 21", "\u001f7",
                "hot", "", "   ", "\"21\"", "NaN", "on", "\u00a021")) {
            payloads.add(text.getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 20_000; i++) {
            byte[] p = new byte[random.nextInt(12)];
            random.nextBytes(p);
            if (i % 2 == 0 && p.length > 0) {
                p[p.length - 1] = (byte) "0123456789".charAt(random.nextInt(10)); // many near-numbers
            }
            payloads.add(p);
        }
        int passedOver = 0;
        for (byte[] p : payloads) {
            boolean readable = !(ValueParser.parse(p) instanceof PayloadValue.Unreadable);
            if (!ValueParser.mayBeValue(p)) {
                passedOver++;
                assertTrue(!readable, () -> "mayBeValue refused a readable payload: " + java.util.HexFormat.of().formatHex(p));
            }
        }
        assertTrue(passedOver > 5_000, "random bytes starting with ASCII are passed over cheaply: " + passedOver);
        assertTrue(ValueParser.mayBeValue("\u2003 21".getBytes(StandardCharsets.UTF_8)));
    }
}
