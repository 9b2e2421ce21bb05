package org.brokerscope.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns typed text into payload bytes for the text-like {@link PayloadFormat}s, with a reason when it cannot. */
public final class PayloadEncoding {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private PayloadEncoding() {
    }

    public enum Problem { NOT_A_NUMBER, HEX_BAD_CHARACTER, HEX_ODD_DIGITS, BASE64_INVALID, NOT_TEXT_FORMAT }

    /** The bytes, or the problem and the character index where it is (-1 when it is not one place). */
    public record Encoded(Optional<byte[]> bytes, Optional<Problem> problem, int position) {
        static Encoded ok(byte[] bytes) {
            return new Encoded(Optional.of(bytes), Optional.empty(), -1);
        }

        static Encoded failed(Problem problem, int position) {
            return new Encoded(Optional.empty(), Optional.of(problem), position);
        }
    }

    /** Encodes TEXT, JSON (as its UTF-8 text), NUMBER, HEX and BASE64; FILE has no text to encode. */
    public static Encoded encode(PayloadFormat format, String text) {
        return switch (format) {
            case TEXT, JSON -> Encoded.ok(text.getBytes(StandardCharsets.UTF_8));
            case NUMBER -> number(text);
            case HEX -> hex(text);
            case BASE64 -> base64(text);
            case FILE -> Encoded.failed(Problem.NOT_TEXT_FORMAT, -1);
        };
    }

    // A number is sent as its text, the way sensors publish "21.5"; only the surrounding blanks go.
    private static Encoded number(String text) {
        String trimmed = text.strip();
        return NUMBER.matcher(trimmed).matches() ? Encoded.ok(trimmed.getBytes(StandardCharsets.US_ASCII))
                : Encoded.failed(Problem.NOT_A_NUMBER, -1);
    }

    /** Hex digits two per byte; blanks, ':' and '-' between them and a leading "0x" are allowed. */
    private static Encoded hex(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (text.startsWith("0x", start) || text.startsWith("0X", start)) {
            start += 2;
        }
        byte[] out = new byte[text.length() / 2 + 1];
        int count = 0;
        int high = -1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == ':' || c == '-') {
                continue;
            }
            int digit = Character.digit(c, 16);
            if (digit < 0) {
                return Encoded.failed(Problem.HEX_BAD_CHARACTER, i);
            }
            if (high < 0) {
                high = digit;
            } else {
                out[count++] = (byte) (high << 4 | digit);
                high = -1;
            }
        }
        return high >= 0 ? Encoded.failed(Problem.HEX_ODD_DIGITS, -1) : Encoded.ok(java.util.Arrays.copyOf(out, count));
    }

    private static Encoded base64(String text) {
        String compact = text.replaceAll("\\s", "");
        try {
            boolean urlSafe = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0;
            return Encoded.ok((urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(compact));
        } catch (IllegalArgumentException e) {
            return Encoded.failed(Problem.BASE64_INVALID, -1);
        }
    }
}
