package org.brokerscope.ui.topics;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A small line of recent values, drawn on a canvas; history is at most a few hundred values. */
final class Sparkline {
    private Sparkline() {
    }

    static void draw(Canvas canvas, double[] values) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (values == null || values.length < 2) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double span = max - min == 0 ? 1 : max - min;
        g.setStroke(Color.web("#1f7a8c"));
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < values.length; i++) {
            double x = i * (w - 2) / (values.length - 1) + 1;
            double y = h - 2 - (values[i] - min) / span * (h - 4);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }
}
