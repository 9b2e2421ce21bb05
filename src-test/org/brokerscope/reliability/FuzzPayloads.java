package org.brokerscope.reliability;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated payloads for the fuzz test, from a fixed seed so every run sends the same bytes. Each says
 * whether a sensor payload parser should read a number from it; the rooms model must agree, payload by
 * payload.
 */
final class FuzzPayloads {
    static final long SEED = 20_261_123L;
    static final int SIXTEEN_MB = 16 * 1024 * 1024;

    /** @param number whether this payload holds one readable, finite number (bare, with a unit, or as {"value": n}) */
    record Fuzz(String kind, byte[] payload, boolean number) {
        String shortText() {
            String s = new String(payload, 0, Math.min(payload.length, 60), StandardCharsets.UTF_8);
            return kind + " (" + payload.length + " bytes) \"" + s.replaceAll("\\p{Cntrl}", "?") + "\"";
        }
    }

    private final Random random = new Random(SEED);
    private final List<Fuzz> out = new ArrayList<>();

    private FuzzPayloads() {
    }

    /** Every payload, in a shuffled but fixed order. */
    static List<Fuzz> generate() {
        FuzzPayloads g = new FuzzPayloads();
        g.repeat(2_000, g::randomBytes);
        g.repeat(1_200, g::invalidUtf8);
        g.repeat(1_500, g::truncatedJson);
        g.repeat(400, g::nestedJson);
        g.nestingExtremes();
        g.repeat(400, g::notFinite);
        g.repeat(800, g::hugeNumber);
        g.repeat(1_200, g::oddUnit);
        g.repeat(300, g::empty);
        g.repeat(1_500, g::plainNumber);
        g.repeat(700, g::text);
        java.util.Collections.shuffle(g.out, g.random);
        g.out.add(g.sixteenMegabytes());
        return List.copyOf(g.out);
    }

    private void repeat(int times, Runnable maker) {
        for (int i = 0; i < times; i++) {
            maker.run();
        }
    }

    private void add(String kind, byte[] payload, boolean number) {
        out.add(new Fuzz(kind, payload, number));
    }

    private void add(String kind, String payload, boolean number) {
        add(kind, payload.getBytes(StandardCharsets.UTF_8), number);
    }

    private void randomBytes() {
        byte[] b = new byte[8 + random.nextInt(2_048)];
        random.nextBytes(b);
        add("random bytes", b, false);
    }

    // A readable number spoiled by bytes that are not UTF-8: it must not be read as the number.
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0x80}, {(byte) 0xBF, (byte) 0xBF},
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
    };

    private void invalidUtf8() {
        byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
        byte[] number = String.format(java.util.Locale.ROOT, "%.2f", random.nextDouble() * 40).getBytes(StandardCharsets.US_ASCII);
        int at = random.nextInt(number.length + 1);
        byte[] b = new byte[number.length + bad.length];
        System.arraycopy(number, 0, b, 0, at);
        System.arraycopy(bad, 0, b, at, bad.length);
        System.arraycopy(number, at, b, at + bad.length, number.length - at);
        add("invalid UTF-8", b, false);
    }

    private void truncatedJson() {
        String doc = "{\"value\": " + random.nextInt(40) + ".5, \"unit\": \"°C\", \"sensor\": {\"id\": \"s" + random.nextInt(99)
                + "\", \"tags\": [1, 2, {\"a\": null}], \"ok\": true}}";
        int cut = 1 + random.nextInt(doc.length() - 1);
        add("truncated JSON", doc.substring(0, cut), false);
    }

    private void nestedJson() {
        int depth = 2 + random.nextInt(3_000);
        String value = random.nextBoolean() ? "21.5" : "{\"value\": 21.5}";
        String payload = random.nextBoolean()
                ? "[".repeat(depth) + value + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + value + "}".repeat(depth);
        // Nested in arrays or under "a", the number is not where a sensor payload keeps it.
        add("nested JSON, depth " + depth, payload, false);
    }

    private void nestingExtremes() {
        for (int depth : new int[] {63, 64, 65, 998, 999, 1_000, 1_001, 1_002, 5_000, 100_000}) {
            add("nested JSON, depth " + depth, "[".repeat(depth) + "]".repeat(depth), false);
            add("unclosed JSON, depth " + depth, "[".repeat(depth), false);
            add("nested objects, depth " + depth, "{\"a\":".repeat(depth) + "1" + "}".repeat(depth), false);
        }
    }

    private static final String[] NOT_FINITE = {
        "NaN", "nan", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "∞", "-∞", "1e400", "-1e400",
        "{\"value\": NaN}", "{\"value\": Infinity}", "{\"value\": -Infinity}", "{\"value\": 1e400}", "[NaN]",
        "NaN °C", "Infinity %", "{\"value\": \"NaN\"}", "{\"temperature\": \"-Infinity\"}", "1e999999999",
    };

    private void notFinite() {
        add("NaN or infinity", NOT_FINITE[random.nextInt(NOT_FINITE.length)], false);
    }

    // Numbers with hundreds of digits or huge exponents; whether a double holds them decides, by BigDecimal.
    private void hugeNumber() {
        String s = switch (random.nextInt(5)) {
            case 0 -> "1" + "0".repeat(random.nextInt(400));
            case 1 -> "-9" + "9".repeat(250 + random.nextInt(150)) + "." + "9".repeat(1 + random.nextInt(50));
            case 2 -> random.nextInt(10) + "e" + (random.nextBoolean() ? "-" : "") + (250 + random.nextInt(200));
            case 3 -> "0." + "0".repeat(random.nextInt(400)) + "1";
            default -> digits(1 + random.nextInt(400));
        };
        add("huge number", s, Double.isFinite(new BigDecimal(s).doubleValue()));
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        sb.append(1 + random.nextInt(9));
        while (sb.length() < n) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }

    // Units the parser documents (letters, °, %, /, µ, ³, ²) after the number, and odd ones it must refuse.
    private static final String[] UNITS_READ = {"°C", "°F", "%", "hPa", "ppm", "µg/m³", "m/s²", "V", "kΩ", "lux", "dB", "K"};
    private static final String[] UNITS_REFUSED = {"🌡️", "°C°C°C°C°C°C°C°C°C°C", "m3h-1", "₂", "$", "°C 21", "%%% %%% %%% %%%"};

    private void oddUnit() {
        String number = String.format(java.util.Locale.ROOT, "%.1f", random.nextDouble() * 200 - 100);
        String space = random.nextBoolean() ? " " : "";
        switch (random.nextInt(4)) {
            case 0, 1 -> add("number with unit", number + space + UNITS_READ[random.nextInt(UNITS_READ.length)], true);
            case 2 -> add("number with odd unit", number + space + UNITS_REFUSED[random.nextInt(UNITS_REFUSED.length)], false);
            default -> add("unit before number", UNITS_READ[random.nextInt(UNITS_READ.length)] + " " + number, false);
        }
    }

    private void empty() {
        String[] blanks = {"", " ", "\n", "\t \r\n", "\u00A0"};
        int i = random.nextInt(blanks.length);
        add(i == 0 ? "empty" : "blank", blanks[i], false);
    }

    private void plainNumber() {
        double v = random.nextDouble() * 100 - 50;
        String s = switch (random.nextInt(5)) {
            case 0 -> String.valueOf(random.nextInt(2_000) - 1_000);
            case 1 -> String.format(java.util.Locale.ROOT, "%.3f", v);
            case 2 -> String.format(java.util.Locale.FRENCH, "%.1f", v); // 21,5
            case 3 -> "{\"value\": " + String.format(java.util.Locale.ROOT, "%.2f", v) + "}";
            default -> String.format(java.util.Locale.ROOT, "  %.2e\n", v);
        };
        add("number", s, true);
    }

    private static final String[] TEXTS = {"on", "off", "true", "false", "null", "online", "héllo wörld", "二十一",
        "twenty-one", "21.5.3", "1,2,3", "0x1F", "--5", "5-", "e5", ".", ",", "+", "\"21.5\"", "'21'", "[]", "{}",
        "{\"value\": \"abc\"}", "{\"value\": true}", "{\"value\": null}", "[21.5]", "<temp>21</temp>", "21 22"};

    private void text() {
        add("text", TEXTS[random.nextInt(TEXTS.length)], false);
    }

    private Fuzz sixteenMegabytes() {
        byte[] b = new byte[SIXTEEN_MB];
        byte[] unit = "21.5 ".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < b.length; i++) {
            b[i] = unit[i % unit.length];
        }
        return new Fuzz("16 MB", b, false);
    }
}
