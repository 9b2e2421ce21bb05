package org.brokerscope.ui.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Writes labels so that they stay readable: a label longer than the limit ends with an ellipsis, one
 * that would run off the canvas goes to the other side of its node or is pushed back inside, and one
 * that would cover a label (or node) already there is left out. The first come keep their place, so
 * callers write the important labels first.
 *
 * <p>Taken space is kept in a coarse grid of {@value #CELL}-pixel cells: a check costs a few dozen
 * array reads, where comparing with every label written would grow with their square.
 */
final class LabelPlacer {
    /** Which side of its node a label goes, as seen on screen. */
    enum Side { RIGHT, LEFT, BELOW, ABOVE }

    static final String ELLIPSIS = "…";
    private static final int CELL = 4;
    private static final double PAD = 3;
    private static final double GAP = 4;
    private static final int MAX_CACHED = 4_096;

    private final Text meter = new Text();
    // Label -> the text shown for it (shortened if needed) and its width, for the current font and limit.
    private final Map<String, String> fitted = new HashMap<>();
    private final Map<String, Double> widths = new HashMap<>();
    private boolean[] taken = new boolean[0];
    private int cols;
    private int rows;
    private double width;
    private double height;
    private Font font;
    private double maxWidth;
    private double lineHeight;

    /** Starts a new picture of {@code w} x {@code h} pixels with nothing taken. */
    void begin(double w, double h) {
        width = w;
        height = h;
        cols = (int) Math.ceil(w / CELL) + 1;
        rows = (int) Math.ceil(h / CELL) + 1;
        if (taken.length < cols * rows) {
            taken = new boolean[cols * rows];
        } else {
            Arrays.fill(taken, 0, cols * rows, false);
        }
    }

    /** The font for the next labels and the widest a label may be, in pixels. */
    void use(GraphicsContext g, Font f, double widest) {
        if (!f.equals(font) || widest != maxWidth || fitted.size() > MAX_CACHED) {
            fitted.clear();
            widths.clear();
            font = f;
            maxWidth = widest;
            meter.setFont(f);
            lineHeight = Math.ceil(f.getSize() * 1.3);
        }
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
    }

    /** Marks a box (e.g. a node) as taken, so no label is written over it. */
    void block(double x, double y, double w, double h) {
        mark(x, y, w, h);
    }

    /**
     * Writes {@code label} beside the node at ({@code nx}, {@code ny}) of half-size {@code r}: on
     * {@code side} if that is inside the canvas and free, else on the opposite side, else above or below
     * (or beside, for a label wanted above or below); as a last resort pushed inside the canvas where it
     * wanted to be. Returns false, writing nothing, if every place would cover something.
     */
    boolean place(GraphicsContext g, String label, double nx, double ny, double r, Side side) {
        String text = fitted.computeIfAbsent(label, this::fit);
        double w = Math.min(widths.get(text), width - 2 * PAD);
        if (w <= 0) {
            return false;
        }
        for (Side candidate : order(side)) {
            double x = left(candidate, nx, r, w);
            double y = middle(candidate, ny, r);
            if (x >= PAD && x + w <= width - PAD && y - lineHeight / 2 >= PAD && y + lineHeight / 2 <= height - PAD) {
                if (!isTaken(x, y - lineHeight / 2, w, lineHeight)) {
                    return write(g, text, x, y, w);
                }
            }
        }
        double x = Math.max(PAD, Math.min(left(side, nx, r, w), width - PAD - w));
        double y = Math.max(PAD + lineHeight / 2, Math.min(middle(side, ny, r), height - PAD - lineHeight / 2));
        return !isTaken(x, y - lineHeight / 2, w, lineHeight) && write(g, text, x, y, w);
    }

    private boolean write(GraphicsContext g, String text, double x, double y, double w) {
        mark(x, y - lineHeight / 2, w, lineHeight);
        g.fillText(text, x, y, w);
        return true;
    }

    private static Side[] order(Side side) {
        return switch (side) {
            case RIGHT -> RIGHT_FIRST;
            case LEFT -> LEFT_FIRST;
            case BELOW -> BELOW_FIRST;
            case ABOVE -> ABOVE_FIRST;
        };
    }

    private static final Side[] RIGHT_FIRST = {Side.RIGHT, Side.LEFT, Side.BELOW, Side.ABOVE};
    private static final Side[] LEFT_FIRST = {Side.LEFT, Side.RIGHT, Side.BELOW, Side.ABOVE};
    private static final Side[] BELOW_FIRST = {Side.BELOW, Side.ABOVE, Side.RIGHT, Side.LEFT};
    private static final Side[] ABOVE_FIRST = {Side.ABOVE, Side.BELOW, Side.RIGHT, Side.LEFT};

    private static double left(Side side, double nx, double r, double w) {
        return switch (side) {
            case RIGHT -> nx + r + GAP;
            case LEFT -> nx - r - GAP - w;
            case BELOW, ABOVE -> nx - w / 2;
        };
    }

    private double middle(Side side, double ny, double r) {
        return switch (side) {
            case BELOW -> ny + r + 2 + lineHeight / 2;
            case ABOVE -> ny - r - 2 - lineHeight / 2;
            default -> ny;
        };
    }

    // The label as it fits in maxWidth: whole, or the longest start of it that fits with an ellipsis.
    private String fit(String label) {
        double whole = measure(label);
        if (whole <= maxWidth) {
            return label;
        }
        int lo = 0;
        int hi = label.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (measure(label.substring(0, mid) + ELLIPSIS) <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        String shortened = label.substring(0, lo) + ELLIPSIS;
        measure(shortened);
        return shortened;
    }

    private double measure(String text) {
        Double known = widths.get(text);
        if (known != null) {
            return known;
        }
        meter.setText(text);
        double w = Math.ceil(meter.getLayoutBounds().getWidth());
        widths.put(text, w);
        return w;
    }

    private boolean isTaken(double x, double y, double w, double h) {
        int c0 = cell(x + 1, cols);
        int c1 = cell(x + w - 1, cols);
        int r0 = cell(y + 1, rows);
        int r1 = cell(y + h - 1, rows);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                if (taken[r * cols + c]) {
                    return true;
                }
            }
        }
        return false;
    }

    private void mark(double x, double y, double w, double h) {
        int c0 = cell(x + 1, cols);
        int c1 = Math.max(c0, cell(x + w - 1, cols));
        int r0 = cell(y + 1, rows);
        int r1 = cell(y + h - 1, rows);
        for (int r = r0; r <= r1; r++) {
            Arrays.fill(taken, r * cols + c0, r * cols + c1 + 1, true);
        }
    }

    private static int cell(double v, int limit) {
        return Math.max(0, Math.min(limit - 1, (int) (v / CELL)));
    }
}
