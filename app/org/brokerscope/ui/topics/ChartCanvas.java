package org.brokerscope.ui.topics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws the chart's series with min/max decimation: each pixel column gets one vertical stroke from
 * the smallest to the largest value that falls in it, so 200,000 points cost as much as the canvas is
 * wide (LineChart with one node per point drops to 12 fps at 5,000, see LIBRARY_NOTES).
 */
final class ChartCanvas extends Canvas {
    private static final Color[] COLORS = {Color.web("#1f7a8c"), Color.web("#c62828"), Color.web("#2e7d32"),
            Color.web("#b26a00"), Color.web("#6a1b9a"), Color.web("#37474f")};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final double LEFT = 56;
    private static final double BOTTOM = 22;

    @Override
    public boolean isResizable() {
        return true;
    }

    @Override
    public double prefWidth(double height) {
        return 400;
    }

    @Override
    public double prefHeight(double width) {
        return 260;
    }

    @Override
    public double maxWidth(double height) {
        return Double.MAX_VALUE;
    }

    @Override
    public double maxHeight(double width) {
        return Double.MAX_VALUE;
    }

    @Override
    public double minWidth(double height) {
        return 100;
    }

    @Override
    public double minHeight(double width) {
        return 80;
    }

    @Override
    public void resize(double width, double height) {
        setWidth(width);
        setHeight(height);
    }

    static Color color(int i) {
        return COLORS[i % COLORS.length];
    }

    void draw(List<ChartSeries> series) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : series) {
            for (int i = 0; i < s.size(); i++) {
                t0 = Math.min(t0, s.timeAt(i));
                t1 = Math.max(t1, s.timeAt(i));
                min = Math.min(min, s.valueAt(i));
                max = Math.max(max, s.valueAt(i));
            }
        }
        if (t0 > t1 || w <= LEFT + 2 || h <= BOTTOM + 2) {
            return;
        }
        if (max - min == 0) {
            min -= 1;
            max += 1;
        }
        drawAxes(g, w, h, t0, t1, min, max);
        for (int i = 0; i < series.size(); i++) {
            drawSeries(g, series.get(i), color(i), w, h, t0, Math.max(1, t1 - t0), min, max);
        }
    }

    private void drawAxes(GraphicsContext g, double w, double h, long t0, long t1, double min, double max) {
        g.setStroke(Color.web("#dde1e6"));
        g.setFill(Color.web("#5f6b7a"));
        g.strokeLine(LEFT, 0, LEFT, h - BOTTOM);
        g.strokeLine(LEFT, h - BOTTOM, w, h - BOTTOM);
        g.fillText(String.format(Locale.ROOT, "%.4g", max), 2, 12);
        g.fillText(String.format(Locale.ROOT, "%.4g", min), 2, h - BOTTOM);
        g.fillText(TIME.format(Instant.ofEpochMilli(t0)), LEFT, h - 6);
        g.fillText(TIME.format(Instant.ofEpochMilli(t1)), w - 60, h - 6);
    }

    private void drawSeries(GraphicsContext g, ChartSeries s, Color color, double w, double h,
                            long t0, long span, double min, double max) {
        double plotW = w - LEFT - 2;
        double plotH = h - BOTTOM - 4;
        g.setStroke(color);
        g.setLineWidth(1.5);
        int column = -1;
        double lo = 0;
        double hi = 0;
        double prevX = Double.NaN;
        double prevY = 0;
        for (int i = 0; i <= s.size(); i++) {
            int c = i < s.size() ? (int) ((s.timeAt(i) - t0) * plotW / span) : Integer.MAX_VALUE;
            if (c != column && column >= 0) {
                double x = LEFT + 1 + column;
                double yLo = 2 + plotH - (lo - min) / (max - min) * plotH;
                double yHi = 2 + plotH - (hi - min) / (max - min) * plotH;
                if (!Double.isNaN(prevX)) {
                    g.strokeLine(prevX, prevY, x, (yLo + yHi) / 2);
                }
                g.strokeLine(x, yLo, x, yHi);
                prevX = x;
                prevY = (yLo + yHi) / 2;
            }
            if (i == s.size()) {
                break;
            }
            double v = s.valueAt(i);
            if (c != column) {
                column = c;
                lo = v;
                hi = v;
            } else {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
    }
}
