package org.brokerscope.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-based diff of two texts (longest common subsequence). Above {@link #MAX_LINES} lines on either
 * side the table would cost too much memory, so the diff falls back to comparing line by line and says so.
 */
public final class LineDiff {
    public static final int MAX_LINES = 2_000;

    private LineDiff() {
    }

    public enum Change { SAME, REMOVED, ADDED }

    public record Line(Change change, String text) {
    }

    /** @param exact false when the inputs were too long for a full diff and lines were paired in order */
    public record Result(List<Line> lines, boolean exact) {
    }

    public static Result of(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            return new Result(pairwise(a, b), false);
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Change.SAME, a[i++]));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Change.REMOVED, a[i++]));
            } else {
                out.add(new Line(Change.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line(Change.REMOVED, a[i++]));
        }
        while (j < b.length) {
            out.add(new Line(Change.ADDED, b[j++]));
        }
        return new Result(List.copyOf(out), true);
    }

    private static List<Line> pairwise(String[] a, String[] b) {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            if (i < a.length && i < b.length && a[i].equals(b[i])) {
                out.add(new Line(Change.SAME, a[i]));
                continue;
            }
            if (i < a.length) {
                out.add(new Line(Change.REMOVED, a[i]));
            }
            if (i < b.length) {
                out.add(new Line(Change.ADDED, b[i]));
            }
        }
        return List.copyOf(out);
    }
}
