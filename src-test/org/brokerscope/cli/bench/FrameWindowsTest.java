package org.brokerscope.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameWindowsTest {
    private static final String FIRST = "Frames: n=10 p50=16.7 ms p99=90.0 ms max=99.0 ms over16.7=50.0% fxCpu=80.0% renderCpu=70.0%";

    @Test
    void theFirstWindowIsLeftOutAndTheRestArePooled() {
        String row = FrameWindows.row(20_000, List.of(FIRST,
                "Frames: n=300 p50=16.7 ms p99=18.0 ms max=20.0 ms over16.7=1.0% fxCpu=10.0% renderCpu=4.0%",
                "Frames: n=100 p50=16.7 ms p99=30.0 ms max=40.0 ms over16.7=5.0% fxCpu=20.0% renderCpu=6.0%",
                "Frames: n=200 p50=16.7 ms p99=22.0 ms max=25.0 ms over16.7=2.0% fxCpu=15.0% renderCpu=5.0%"));

        // p99: median of 18, 22, 30; late: (3 + 5 + 4) / 600 frames; CPU: mean of the three windows.
        assertEquals("| 20,000 | 3 | 600 | 22.0 ms (18.0–30.0) | 40.0 ms | 2.0% | 15.0% | 5.0% |", row);
    }

    @Test
    void reportsWithoutCpuFiguresReadAsZero() {
        String row = FrameWindows.row(0, List.of(FIRST, "Frames: n=60 p50=16.7 ms p99=17.0 ms max=17.2 ms over16.7=0.0%"));

        assertEquals("| 0 | 1 | 60 | 17.0 ms (17.0–17.0) | 17.2 ms | 0.0% | 0.0% | 0.0% |", row);
    }

    @Test
    void aPhaseWithoutReportsGivesAnEmptyRowOfTheSameWidth() {
        assertEquals(FrameWindows.header().lines().findFirst().orElseThrow().split("\\|").length,
                FrameWindows.row(2_000, List.of()).split("\\|").length);
    }
}
