package org.brokerscope.graph;

/** Zoom and pan: maps graph coordinates (the broker at 0,0) to pixels on the canvas and back. */
public final class Camera {
    private static final double MIN_SCALE = 0.05;
    private static final double MAX_SCALE = 8;

    private double scale = 1;
    private double offsetX;
    private double offsetY;

    public double scale() {
        return scale;
    }

    public double toScreenX(double x) {
        return x * scale + offsetX;
    }

    public double toScreenY(double y) {
        return y * scale + offsetY;
    }

    public double toWorldX(double sx) {
        return (sx - offsetX) / scale;
    }

    public double toWorldY(double sy) {
        return (sy - offsetY) / scale;
    }

    public void panBy(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
    }

    /** Zooms by {@code factor} keeping the point under the pointer where it is. */
    public void zoomAt(double sx, double sy, double factor) {
        double wx = toWorldX(sx);
        double wy = toWorldY(sy);
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        offsetX = sx - wx * scale;
        offsetY = sy - wy * scale;
    }

    /**
     * Shows the box {minX, minY, maxX, maxY} with margins in pixels around it (room for labels, which
     * run sideways), in a {@code width} x {@code height} canvas, never zooming in past 1.5.
     */
    public void fit(double[] box, double marginX, double marginY, double width, double height) {
        double bw = Math.max(box[2] - box[0], 1);
        double bh = Math.max(box[3] - box[1], 1);
        double usableW = Math.max(width - 2 * marginX, 20);
        double usableH = Math.max(height - 2 * marginY, 20);
        scale = Math.max(MIN_SCALE, Math.min(1.5, Math.min(usableW / bw, usableH / bh)));
        offsetX = width / 2 - (box[0] + box[2]) / 2 * scale;
        offsetY = height / 2 - (box[1] + box[3]) / 2 * scale;
    }
}
