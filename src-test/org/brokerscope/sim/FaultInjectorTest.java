package org.brokerscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
    private static final Instant T0 = Instant.parse("2025-03-10T00:00:00Z");

    @Test
    void noFaultsLeavesEveryReadingAlone() {
        FaultInjector none = new FaultInjector(FaultSettings.NONE, Measure.TEMPERATURE, 1);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(new FaultInjector.Outcome(20.5, false, false), none.apply(20.5, T0.plusSeconds(i)));
        }
    }

    @Test
    void everySpikeJumpsByTheSpikeSize() {
        FaultInjector spikes = new FaultInjector(new FaultSettings(0, 1, 0, 0, 0), Measure.TEMPERATURE, 1);
        for (int i = 0; i < 100; i++) {
            assertEquals(8, Math.abs(spikes.apply(20, T0.plusSeconds(i)).value() - 20), 1e-9);
        }
    }

    @Test
    void aStuckValueHoldsForTheNextReadings() {
        FaultInjector stuck = new FaultInjector(new FaultSettings(0, 0, 1, 0, 0), Measure.TEMPERATURE, 1);
        stuck.apply(20, T0);
        for (int i = 1; i <= FaultSettings.STUCK_READINGS; i++) {
            assertEquals(20, stuck.apply(20 + i, T0.plusSeconds(i)).value(), "reading " + i);
        }
    }

    @Test
    void driftGrowsWithSimulatedDays() {
        FaultInjector drift = new FaultInjector(new FaultSettings(0, 0, 0, 1.5, 0), Measure.TEMPERATURE, 1);
        drift.apply(20, T0);
        assertEquals(23, drift.apply(20, T0.plus(Duration.ofDays(2))).value(), 1e-9);
    }

    @Test
    void dropoutsAndGarbledPayloadsComeAtTheirRate() {
        FaultInjector faults = new FaultInjector(new FaultSettings(0.2, 0, 0, 0, 0.1), Measure.TEMPERATURE, 9);
        int dropped = 0;
        int garbled = 0;
        for (int i = 0; i < 10_000; i++) {
            FaultInjector.Outcome o = faults.apply(20, T0.plusSeconds(i));
            dropped += o.dropped() ? 1 : 0;
            garbled += o.garbled() ? 1 : 0;
        }
        assertEquals(2_000, dropped, 200);
        assertEquals(1_000, garbled, 150);
    }

    @Test
    void aGarbledPayloadIsNeitherUtf8NorANumber() {
        FaultInjector faults = new FaultInjector(FaultSettings.NONE, Measure.TEMPERATURE, 1);
        byte[] garbled = faults.garble("21.5".getBytes(StandardCharsets.UTF_8));
        assertThrows(CharacterCodingException.class,
                () -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(garbled)));
        String lenient = new String(garbled, StandardCharsets.UTF_8);
        assertFalse(lenient.matches("-?\\d+(\\.\\d+)?"));
        assertTrue(lenient.startsWith("21"));
    }

    @Test
    void ratesOutsideZeroToOneAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FaultSettings(0, 1.5, 0, 0, 0));
        assertTrue(e.getMessage().contains("spike"), e.getMessage());
    }
}
