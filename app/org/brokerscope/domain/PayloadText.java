package org.brokerscope.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.OptionalDouble;

/**
 * Full renderings of a payload for the inspector: UTF-8 text with every invalid byte shown as
 * {@code \xNN} instead of a silent replacement character, a hex dump, and number and image detection.
 */
public final class PayloadText {
    public static final int HEX_BYTES_PER_LINE = 16;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private PayloadText() {
    }

    /** @param invalidBytes how many bytes were not UTF-8 and appear as {@code \xNN} */
    public record Decoded(String text, int invalidBytes, int decodedBytes) {
    }

    /** Decodes the first {@code maxBytes} bytes (all when larger than the payload) as UTF-8. */
    public static Decoded utf8(byte[] payload, int maxBytes) {
        int length = Math.min(payload.length, maxBytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(payload, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 16);
        StringBuilder text = new StringBuilder(length);
        int invalid = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            text.append(out);
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    text.append("\\x").append(HEX.toHexDigits(in.get()));
                    invalid++;
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
        decoder.flush(out);
        out.flip();
        text.append(out);
        return new Decoded(text.toString(), invalid, length);
    }

    /** Number of lines of {@link #hexLine} a payload takes. */
    public static int hexLineCount(byte[] payload) {
        return (payload.length + HEX_BYTES_PER_LINE - 1) / HEX_BYTES_PER_LINE;
    }

    /** One line of a hex dump: offset, 16 bytes in hex, and the printable ASCII of those bytes. */
    public static String hexLine(byte[] payload, int line) {
        int from = line * HEX_BYTES_PER_LINE;
        int to = Math.min(payload.length, from + HEX_BYTES_PER_LINE);
        StringBuilder s = new StringBuilder(80).append(String.format("%08X  ", from));
        for (int i = from; i < from + HEX_BYTES_PER_LINE; i++) {
            s.append(i < to ? HEX.toHexDigits(payload[i]) : "  ").append(i == from + 7 ? "  " : " ");
        }
        s.append(' ');
        for (int i = from; i < to; i++) {
            int b = payload[i] & 0xFF;
            s.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return s.toString();
    }

    /**
     * The payload as a number when it is one, like {@code 21.5} or {@code -3}; up to 64 bytes are looked at.
     * {@code 1e400} is no number here: a double cannot hold it, and showing "Infinity" would hide the text.
     */
    public static OptionalDouble number(byte[] payload) {
        if (payload.length == 0 || payload.length > 64) {
            return OptionalDouble.empty();
        }
        String s = new String(payload, StandardCharsets.US_ASCII).trim();
        if (s.isEmpty() || !s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(s);
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    public enum ImageType { PNG, JPEG }

    /** PNG or JPEG by their magic bytes. */
    public static java.util.Optional<ImageType> image(byte[] p) {
        if (p.length > 8 && (p[0] & 0xFF) == 0x89 && p[1] == 'P' && p[2] == 'N' && p[3] == 'G') {
            return java.util.Optional.of(ImageType.PNG);
        }
        if (p.length > 3 && (p[0] & 0xFF) == 0xFF && (p[1] & 0xFF) == 0xD8 && (p[2] & 0xFF) == 0xFF) {
            return java.util.Optional.of(ImageType.JPEG);
        }
        return java.util.Optional.empty();
    }
}
