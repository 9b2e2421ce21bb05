package org.brokerscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.Topics;
import org.junit.jupiter.api.Test;

class LagProbeTest {
    private static final long MS = 1_000_000;

    private final LagProbe probe = new LagProbe("test1234");

    @Test
    void noFigureUntilAProbeCameBack() {
        probe.next(0);
        assertEquals(-1, probe.lagNanos(60_000 * MS), "a broker that never returns probes must not show a growing lag");
        assertFalse(probe.answered());
    }

    @Test
    void theRoundTripIsTheLagAndAProbeStillOnItsWayCountsOnceOlder() {
        byte[] first = probe.next(0);
        assertTrue(probe.arrived(back(first), 40 * MS));
        assertEquals(40 * MS, probe.lagNanos(50 * MS));

        probe.next(1_000 * MS);
        assertEquals(40 * MS, probe.lagNanos(1_020 * MS), "younger than the last round trip: the last one stands");
        assertEquals(5_000 * MS, probe.lagNanos(6_000 * MS), "stuck behind a backlog: its age is how far behind");
    }

    @Test
    void aLaterProbeComingBackRetiresLostEarlierOnes() {
        byte[] first = probe.next(0);
        probe.arrived(back(first), 10 * MS);
        probe.next(1_000 * MS); // lost by the broker (QoS 0)
        byte[] third = probe.next(2_000 * MS);
        probe.arrived(back(third), 2_030 * MS);
        assertEquals(30 * MS, probe.lagNanos(2_500 * MS));
        assertEquals(30 * MS, probe.lagNanos(60_000 * MS), "the lost probe must not count as still on its way");
    }

    @Test
    void aProbeThatCouldNotBeSentIsNotWaitedFor() {
        probe.arrived(back(probe.next(0)), 10 * MS);
        byte[] refused = probe.next(1_000 * MS);
        probe.notSent(refused);
        assertEquals(10 * MS, probe.lagNanos(30_000 * MS));
    }

    @Test
    void anotherBrokerscopesProbeIsTakenOutButNotTimed() {
        probe.next(0);
        Message other = Message.received(Topics.LAG_PROBE_PREFIX + "someone", "1".getBytes(StandardCharsets.US_ASCII), 0, false);
        assertTrue(probe.arrived(other, 5 * MS), "another app's probe is app traffic, not shown");
        assertFalse(probe.answered());
        assertFalse(probe.arrived(Message.received("maison/salon/temperature", "21".getBytes(StandardCharsets.UTF_8), 0, false), 5 * MS));
    }

    @Test
    void aGarbledProbePayloadIsTakenOutWithoutAFigure() {
        probe.next(0);
        assertTrue(probe.arrived(Message.received(probe.topic(), new byte[] {(byte) 0xff, 0x00}, 0, false), 5 * MS));
        assertTrue(probe.arrived(Message.received(probe.topic(), new byte[0], 0, false), 5 * MS));
        assertTrue(probe.arrived(Message.received(probe.topic(), "99999999999999999999999".getBytes(StandardCharsets.US_ASCII), 0, false), 5 * MS));
        assertFalse(probe.answered());
    }

    @Test
    void resetForgetsWhatWasSentOnTheOldConnection() {
        byte[] old = probe.next(0);
        probe.arrived(back(probe.next(0)), 10 * MS);
        probe.reset();
        assertEquals(-1, probe.lagNanos(10_000 * MS));
        probe.arrived(back(old), 20 * MS);
        assertFalse(probe.answered(), "an old connection's probe coming late proves nothing about the new one");
    }

    private Message back(byte[] payload) {
        return Message.received(probe.topic(), payload, 0, false);
    }
}
