package org.brokerscope.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every 5-second frame report of one phase taken together, not only the last one: a window holds about
 * 300 frames, so its p99 is its third-longest frame and swings from one window to the next. The first
 * window straddles the change of rate and is left out.
 */
final class FrameWindows {
    private FrameWindows() {
    }

    static String header() {
        return "| msg/s offered | windows | frames | p99 median of windows (min–max) | max | frames over 16.7 ms, pooled "
                + "| FX thread CPU, mean | render thread CPU, mean |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    /** One row from the app's raw reports, e.g. {@code n=300 p50=16.7 ms p99=17.0 ms max=18.2 ms over16.7=0.3%}. */
    static String row(int rate, List<String> reports) {
        List<String> steady = reports.size() > 1 ? reports.subList(1, reports.size()) : reports;
        if (steady.isEmpty()) {
            return String.format(Locale.ROOT, "| %,d | 0 | | | | | | |", rate);
        }
        double[] p99 = new double[steady.size()];
        long frames = 0;
        double max = 0;
        double over = 0;
        double fxCpu = 0;
        double renderCpu = 0;
        for (int i = 0; i < steady.size(); i++) {
            String r = steady.get(i);
            long n = (long) value(r, "n");
            p99[i] = value(r, "p99");
            max = Math.max(max, value(r, "max"));
            over += value(r, "over16.7") * n;
            frames += n;
            fxCpu += value(r, "fxCpu", 0);
            renderCpu += value(r, "renderCpu", 0);
        }
        double[] sorted = Arrays.copyOf(p99, p99.length);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %,d | %d | %,d | %.1f ms (%.1f–%.1f) | %.1f ms | %.1f%% | %.1f%% | %.1f%% |", rate,
                steady.size(), frames, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], max, over / frames,
                fxCpu / steady.size(), renderCpu / steady.size());
    }

    // Reports from before the CPU figures have none.
    private static double value(String report, String name, double otherwise) {
        return report.contains(" " + name + "=") ? value(report, name) : otherwise;
    }

    private static double value(String report, String name) {
        for (String part : report.trim().split(" ")) {
            if (part.startsWith(name + "=")) {
                return Double.parseDouble(part.substring(name.length() + 1).replace("%", ""));
            }
        }
        throw new IllegalArgumentException("No " + name + " in \"" + report + "\"");
    }

    static List<String> copy(List<String> reports) {
        return new ArrayList<>(reports);
    }
}
