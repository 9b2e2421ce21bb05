package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.brokerscope.domain.PayloadEncoding.Problem;
import org.junit.jupiter.api.Test;

class PayloadEncodingTest {

    private static byte[] ok(PayloadFormat format, String text) {
        return PayloadEncoding.encode(format, text).bytes().orElseThrow(() -> new AssertionError(text));
    }

    private static Optional<Problem> problem(PayloadFormat format, String text) {
        return PayloadEncoding.encode(format, text).problem();
    }

    @Test
    void textIsUtf8IncludingEmojiAndNul() {
        assertArrayEquals("é☀\u0000".getBytes(StandardCharsets.UTF_8), ok(PayloadFormat.TEXT, "é☀\u0000"));
        assertArrayEquals(new byte[0], ok(PayloadFormat.TEXT, ""));
    }

    @Test
    void numbersAreSentAsTheirTrimmedText() {
        assertArrayEquals("21.5".getBytes(StandardCharsets.US_ASCII), ok(PayloadFormat.NUMBER, " 21.5 "));
        assertArrayEquals("-3e2".getBytes(StandardCharsets.US_ASCII), ok(PayloadFormat.NUMBER, "-3e2"));
        assertEquals(Optional.of(Problem.NOT_A_NUMBER), problem(PayloadFormat.NUMBER, "21,5"));
        assertEquals(Optional.of(Problem.NOT_A_NUMBER), problem(PayloadFormat.NUMBER, ""));
    }

    @Test
    void hexAllowsSeparatorsAndAPrefixAndPointsAtTheBadCharacter() {
        assertArrayEquals(new byte[] {0x0a, (byte) 0xff, 0x10}, ok(PayloadFormat.HEX, " 0x0A ff:10"));
        assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad}, ok(PayloadFormat.HEX, "de-ad"));
        assertArrayEquals(new byte[0], ok(PayloadFormat.HEX, ""));
        PayloadEncoding.Encoded bad = PayloadEncoding.encode(PayloadFormat.HEX, "0a zz");
        assertEquals(Optional.of(Problem.HEX_BAD_CHARACTER), bad.problem());
        assertEquals(3, bad.position());
        assertEquals(Optional.of(Problem.HEX_ODD_DIGITS), problem(PayloadFormat.HEX, "abc"));
    }

    @Test
    void base64StandardAndUrlSafeWithLineBreaks() {
        assertArrayEquals("Bonjour".getBytes(StandardCharsets.UTF_8), ok(PayloadFormat.BASE64, "Qm9u\nam91cg=="));
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, ok(PayloadFormat.BASE64, "-_8="));
        assertEquals(Optional.of(Problem.BASE64_INVALID), problem(PayloadFormat.BASE64, "not base64!"));
    }

    @Test
    void aFileHasNoTextToEncode() {
        assertEquals(Optional.of(Problem.NOT_TEXT_FORMAT), problem(PayloadFormat.FILE, "x"));
    }
}
