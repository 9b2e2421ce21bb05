package org.brokerscope.domain.rooms;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sensor payloads the way classroom scripts and common devices write them: {@code 21.5},
 * {@code 21,5}, {@code 21.5 °C}, {@code 45%}, and JSON documents.
 */
public final class ValueParser {
    private static final int MAX_CHARS = 16_384;
    // A number, dot or comma decimals, optional exponent, then an optional unit of letters and symbols.
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile(
            "([-+]?(?:\\d+(?:[.,]\\d+)?|[.,]\\d+)(?:[eE][-+]?\\d+)?)\\s*([\\p{L}°%/µ³²]{1,12}(?:\\s?[\\p{L}°%/µ³²]{1,6})?)?");

    private ValueParser() {
    }

    public static PayloadValue parse(byte[] payload) {
        if (payload.length == 0) {
            return new PayloadValue.Unreadable("empty payload");
        }
        if (payload.length > MAX_CHARS) {
            return new PayloadValue.Unreadable("payload too large (" + payload.length + " bytes)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString().strip();
        } catch (CharacterCodingException e) {
            return new PayloadValue.Unreadable("binary payload");
        }
        return parse(text);
    }

    /**
     * False only when {@link #parse(byte[])} would surely find no value: the payload is empty or blank, or
     * its first non-blank byte can start neither a number nor JSON. Costs no allocation, unlike the reason
     * {@code parse} gives, so payloads that are no reading can be passed over cheaply.
     */
    public static boolean mayBeValue(byte[] payload) {
        for (byte b : payload) {
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B || b >= 0x1C && b <= 0x1F) {
                continue;
            }
            // A byte of 0x80 and up starts a multi-byte character, maybe Unicode blank: let parse decide.
            return b < 0 || b >= '0' && b <= '9' || b == '+' || b == '-' || b == '.' || b == ',' || b == '{' || b == '[';
        }
        return false;
    }

    public static PayloadValue parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return new PayloadValue.Unreadable("empty payload");
        }
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return new PayloadValue.Json(MiniJson.parse(t));
            } catch (IllegalArgumentException e) {
                return new PayloadValue.Unreadable(e.getMessage());
            }
        }
        return number(t);
    }

    /** A number with an optional unit, or why it is not one. */
    public static PayloadValue number(String text) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text.strip());
        if (!m.matches()) {
            return new PayloadValue.Unreadable("not a number: " + abbreviate(text));
        }
        double value = Double.parseDouble(m.group(1).replace(',', '.'));
        if (!Double.isFinite(value)) {
            return new PayloadValue.Unreadable("not a finite number: " + abbreviate(text));
        }
        return new PayloadValue.Number(value, m.group(2) == null ? "" : m.group(2).strip());
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? "\"" + oneLine + "\"" : "\"" + oneLine.substring(0, 40) + "…\"";
    }
}
