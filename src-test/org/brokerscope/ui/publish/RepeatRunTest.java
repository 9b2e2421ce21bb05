package org.brokerscope.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RepeatRunTest {
    private static final long MS = 1_000_000;

    @Test
    void sendsWhatTheClockMakesDueUpToTheLimit() {
        RepeatRun run = RepeatRun.start(100, 3, 0, 1);
        assertEquals(1, run.dueAt(0), "the first goes at once");
        run = run.sentOne().settledOne();
        assertEquals(0, run.dueAt(99 * MS));
        assertEquals(1, run.dueAt(100 * MS));
        assertEquals(2, run.dueAt(10_000 * MS), "never more than the limit");
    }

    @Test
    void acknowledgedQosWaitsWhenEightAreInFlightAndQos0AllowsMore() {
        RepeatRun qos1 = RepeatRun.start(1, 0, 0, 1);
        for (int i = 0; i < 8; i++) {
            qos1 = qos1.sentOne();
        }
        assertEquals(0, qos1.dueAt(1_000 * MS));
        assertEquals(1, qos1.settledOne().dueAt(1_000 * MS));
        assertEquals(RepeatRun.MAX_PER_FRAME, RepeatRun.start(1, 0, 0, 0).dueAt(10_000 * MS));
    }

    @Test
    void finishedOnlyWhenAllAreSentAndSettled() {
        RepeatRun run = RepeatRun.start(1, 1, 0, 2).sentOne();
        assertFalse(run.finished());
        assertTrue(run.settledOne().finished());
        assertFalse(RepeatRun.start(1, 0, 0, 0).sentOne().settledOne().finished(), "0 means until stopped");
    }
}
