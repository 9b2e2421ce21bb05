package org.brokerscope.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A short, single-line, printable rendering of a payload for lists and status lines. */
public final class PayloadPreview {
    // Decoding more than this just to show one line wastes time on 10 MB payloads.
    private static final int MAX_DECODED_BYTES = 1_024;

    private PayloadPreview() {
    }

    /**
     * Text payloads become one line cut to {@code maxChars} with an ellipsis; payloads that are not
     * UTF-8 become a {@link Kind#BINARY} preview of their size, so they are never shown as garbage.
     */
    public static Preview of(byte[] payload, int maxChars) {
        if (payload.length == 0) {
            return new Preview(Kind.EMPTY, "", 0);
        }
        int length = Math.min(payload.length, MAX_DECODED_BYTES);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(length);
        // endOfInput=false: a multi-byte character cut at the 1 KiB mark is not an error.
        if (decoder.decode(ByteBuffer.wrap(payload, 0, length), chars, length == payload.length).isError()) {
            return new Preview(Kind.BINARY, "", payload.length);
        }
        chars.flip();
        String text = oneLine(chars, maxChars, payload.length > length);
        return text == null ? new Preview(Kind.BINARY, "", payload.length) : new Preview(Kind.TEXT, text, payload.length);
    }

    private static String oneLine(CharSequence chars, int maxChars, boolean moreBytes) {
        StringBuilder out = new StringBuilder(Math.min(chars.length(), maxChars + 1));
        for (int i = 0; i < chars.length() && out.length() < maxChars; i++) {
            char c = chars.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c)) {
                return null; // valid UTF-8 but control bytes: binary data, not text
            } else {
                out.append(c);
            }
        }
        if (out.length() < chars.length() || moreBytes) {
            out.append('…');
        }
        return out.toString();
    }

    /** Whether the whole payload is valid UTF-8, e.g. to choose a text or a hex view. */
    public static boolean isUtf8(byte[] payload) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    public enum Kind { EMPTY, TEXT, BINARY }

    /** @param sizeBytes the whole payload's size, not the preview's */
    public record Preview(Kind kind, String text, int sizeBytes) {
    }
}
