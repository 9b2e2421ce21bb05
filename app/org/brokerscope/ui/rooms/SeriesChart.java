package org.brokerscope.ui.rooms;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.brokerscope.domain.rooms.Decimation;
import org.brokerscope.domain.rooms.RoomSnapshots;

/**
 * A room's measures over time, one lane per measure with its own scale, drawn on a Canvas with min/max
 * decimation to the pixel width: the cost of a redraw depends on the width, not on the data, so a 24 h
 * window draws as fast as a minute. (LineChart makes a node per point; see LIBRARY_NOTES.)
 */
final class SeriesChart extends Region {
    /** Colours and label size of the chart: calm for the desk, bright on black with large labels for a projector. */
    record Style(Color[] lines, Color text, Color grid, double fontSize, double lineWidth) {
        static final Style DESK = new Style(new Color[] {Color.web("#1f7a8c"), Color.web("#c2571a"), Color.web("#6a4c93"),
            Color.web("#2e7d32"), Color.web("#b5179e"), Color.web("#5f6b7a")}, Color.web("#5f6b7a"), Color.web("#dde1e6"), 10, 1.2);
        static final Style PRESENTER = new Style(new Color[] {Color.web("#4dd0e1"), Color.web("#ffd43b"), Color.web("#d0a6ff"),
            Color.web("#69db7c"), Color.web("#ff6b9d"), Color.WHITE}, Color.WHITE, Color.web("#5c636a"), 15, 2.5);
    }

    private final Canvas canvas = new Canvas();
    private List<RoomSnapshots.Measure> measures = List.of();
    private long toMillis;
    private long spanMillis;
    private String startLabel = "";
    private String endLabel = "";
    private java.util.function.Function<org.brokerscope.domain.rooms.MeasureKind, String> names = k -> k.id();
    private Style style = Style.DESK;

    SeriesChart() {
        getStyleClass().add("room-chart");
        getChildren().add(canvas);
        setMinHeight(60);
    }

    void show(List<RoomSnapshots.Measure> newMeasures, long nowMillis, long span, String start, String end,
              java.util.function.Function<org.brokerscope.domain.rooms.MeasureKind, String> measureNames) {
        this.measures = newMeasures;
        this.names = measureNames;
        this.toMillis = nowMillis;
        this.spanMillis = span;
        this.startLabel = start;
        this.endLabel = end;
        draw();
    }

    void setStyle(Style newStyle) {
        if (newStyle != style) {
            style = newStyle;
            draw();
        }
    }

    Style style() {
        return style;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 10 || h < 20 || measures.isEmpty()) {
            return;
        }
        double laneHeight = (h - style.fontSize() - 4) / measures.size();
        for (int i = 0; i < measures.size(); i++) {
            drawLane(g, measures.get(i), i * laneHeight, laneHeight, (int) w, style.lines()[i % style.lines().length]);
        }
        g.setFill(style.text());
        g.setFont(javafx.scene.text.Font.font(style.fontSize()));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(startLabel, 2, h);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(endLabel, w - 2, h);
    }

    private void drawLane(GraphicsContext g, RoomSnapshots.Measure m, double top, double height, int width, Color color) {
        Decimation.Columns cols = Decimation.minMax(m.historyFor(spanMillis), toMillis - spanMillis, toMillis, width);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < width; c++) {
            if (!cols.isEmpty(c)) {
                lo = Math.min(lo, cols.mins()[c]);
                hi = Math.max(hi, cols.maxs()[c]);
            }
        }
        g.setStroke(style.grid());
        g.setLineWidth(1);
        g.strokeLine(0, top + height - 0.5, width, top + height - 0.5);
        g.setFill(color);
        g.setFont(javafx.scene.text.Font.font(style.fontSize()));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        if (lo > hi) {
            g.fillText(names.apply(m.kind()) + " —", 3, top + 2);
            return;
        }
        double pad = Math.max((hi - lo) * 0.1, 0.05);
        double min = lo - pad;
        double max = hi + pad;
        g.fillText(names.apply(m.kind()) + "  " + fmt(lo) + " – " + fmt(hi) + " " + m.kind().unit(), 3, top + 2);
        double plotTop = top + style.fontSize() + 4;
        double plotHeight = Math.max(height - style.fontSize() - 6, 4);
        g.setStroke(color);
        g.setLineWidth(style.lineWidth());
        g.beginPath();
        double msPerPixel = (double) spanMillis / width;
        int previous = -1;
        for (int c = 0; c < width; c++) {
            if (cols.isEmpty(c)) {
                continue;
            }
            double yMax = plotTop + (max - cols.maxs()[c]) / (max - min) * plotHeight;
            double yMin = plotTop + (max - cols.mins()[c]) / (max - min) * plotHeight;
            // A silence longer than 10 s (or 3 columns) shows as a gap, not as a straight line.
            boolean gap = previous < 0 || (c - previous) * msPerPixel > Math.max(10_000, 3 * msPerPixel);
            if (gap) {
                g.moveTo(c + 0.5, yMax);
            } else {
                g.lineTo(c + 0.5, yMax);
            }
            g.lineTo(c + 0.5, yMin + 0.01);
            previous = c;
        }
        g.stroke();
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
    }
}
