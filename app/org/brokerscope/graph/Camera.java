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

    /** Shows a square of {@code radius} around the origin in a {@code width} x {@code height} canvas. */
    public void fit(double radius, double width, double height) {
        double r = Math.max(radius, 50);
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, Math.min(width, height) / (2.3 * r)));
        offsetX = width / 2;
        offsetY = height / 2;
    }
}
