package org.brokerscope.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.brokerscope.domain.LineDiff.Change;
import org.brokerscope.domain.LineDiff.Line;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void aChangedLineIsOneRemovalAndOneAddition() {
        LineDiff.Result r = LineDiff.of("a\nb\nc", "a\nB\nc\nd");
        assertTrue(r.exact());
        assertEquals(List.of(new Line(Change.SAME, "a"), new Line(Change.REMOVED, "b"), new Line(Change.ADDED, "B"),
                new Line(Change.SAME, "c"), new Line(Change.ADDED, "d")), r.lines());
    }

    @Test
    void hugeTextsArePairedInOrderAndSaySo() {
        String big = "x\n".repeat(LineDiff.MAX_LINES + 10);
        LineDiff.Result r = LineDiff.of(big, big + "y");
        assertFalse(r.exact());
        assertEquals(2, r.lines().stream().filter(l -> l.change() != Change.SAME).count(), "the last line changed");
    }
}
