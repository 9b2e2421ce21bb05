package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTextTest {

    @Test
    void invalidUtf8BytesAreShownVisiblyAndCounted() {
        byte[] payload = {'o', 'k', (byte) 0xFF, ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xC3};
        PayloadText.Decoded d = PayloadText.utf8(payload, 1_000);
        assertEquals("ok\\xFF é\\xC3", d.text());
        assertEquals(2, d.invalidBytes());
    }

    @Test
    void decodingStopsAtTheCapAndSaysHowFarItWent() {
        byte[] payload = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        PayloadText.Decoded d = PayloadText.utf8(payload, 100);
        assertEquals(100, d.text().length());
        assertEquals(100, d.decodedBytes());
    }

    @Test
    void hexLinesShowOffsetBytesAndAscii() {
        byte[] payload = "Hello, MQTT!\u0000\u0001\u0002\u0003more".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(2, PayloadText.hexLineCount(payload));
        assertEquals("00000000  48 65 6C 6C 6F 2C 20 4D  51 54 54 21 00 01 02 03  Hello, MQTT!....", PayloadText.hexLine(payload, 0));
        assertTrue(PayloadText.hexLine(payload, 1).startsWith("00000010  6D 6F 72 65"));
    }

    @Test
    void numbersAndImagesAreRecognised() {
        assertEquals(21.5, PayloadText.number(" 21.5\n".getBytes(StandardCharsets.UTF_8)).orElseThrow());
        assertEquals(-3e2, PayloadText.number("-3e2".getBytes(StandardCharsets.UTF_8)).orElseThrow());
        assertTrue(PayloadText.number("21.5 °C".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(PayloadText.number(new byte[0]).isEmpty());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0};
        assertEquals(PayloadText.ImageType.PNG, PayloadText.image(png).orElseThrow());
        assertEquals(PayloadText.ImageType.JPEG, PayloadText.image(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}).orElseThrow());
    }
}
