package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.brokerscope.domain.PayloadPreview.Kind;
import org.brokerscope.domain.PayloadPreview.Preview;
import org.junit.jupiter.api.Test;

class PayloadPreviewTest {

    @Test
    void plainTextIsShownAsIs() {
        Preview p = PayloadPreview.of(utf8("21.5"), 40);
        assertEquals(new Preview(Kind.TEXT, "21.5", 4), p);
    }

    @Test
    void accentsAndEmojiSurvive() {
        assertEquals("température ☀ 21 °C", PayloadPreview.of(utf8("température ☀ 21 °C"), 40).text());
    }

    @Test
    void multiLineJsonBecomesOneLineAndLongTextIsCut() {
        Preview p = PayloadPreview.of(utf8("{\n  \"temperature\": 21.5,\n  \"unit\": \"C\"\n}"), 20);
        assertEquals(Kind.TEXT, p.kind());
        assertFalse(p.text().contains("\n"));
        assertEquals("{   \"temperature\": 2…", p.text()); // 20 characters, then the ellipsis
    }

    @Test
    void anEmptyPayloadIsEmpty() {
        assertEquals(Kind.EMPTY, PayloadPreview.of(new byte[0], 40).kind());
    }

    @Test
    void invalidUtf8AndControlBytesAreBinaryWithTheirSize() {
        assertEquals(new Preview(Kind.BINARY, "", 3), PayloadPreview.of(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}, 40));
        // Valid UTF-8 but full of control bytes, like a PNG header: binary, not garbage on screen.
        assertEquals(Kind.BINARY, PayloadPreview.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}, 40).kind());
        assertEquals(Kind.BINARY, PayloadPreview.of(new byte[] {1, 2, 3, 0}, 40).kind());
    }

    @Test
    void aTenMegabyteTextPayloadIsPreviewedFromItsStartWithItsFullSize() {
        byte[] big = new byte[10 << 20];
        Arrays.fill(big, (byte) 'x');
        Preview p = PayloadPreview.of(big, 50);
        assertEquals(Kind.TEXT, p.kind());
        assertEquals("x".repeat(50) + "…", p.text());
        assertEquals(10 << 20, p.sizeBytes());
    }

    @Test
    void aMultiByteCharacterCutAtTheDecodeLimitIsNotMistakenForBinary() {
        // 1,023 ASCII bytes then "é" (2 bytes): the decode window of 1,024 bytes splits the "é".
        byte[] payload = utf8("a".repeat(1_023) + "é" + "b".repeat(100));
        Preview p = PayloadPreview.of(payload, 2_000);
        assertEquals(Kind.TEXT, p.kind());
        assertTrue(p.text().endsWith("…"), "the rest is beyond the window");
    }

    @Test
    void isUtf8ChecksTheWholePayload() {
        assertTrue(PayloadPreview.isUtf8(utf8("ok é")));
        assertFalse(PayloadPreview.isUtf8(new byte[] {'o', 'k', (byte) 0xc3}));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
