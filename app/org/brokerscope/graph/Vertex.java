package org.brokerscope.graph;

/**
 * A node of the live graph: where the layout wants it, where it is drawn now (easing towards the
 * target, so a change of layout glides instead of jumping), and how hot it is.
 *
 * <p>Mutable on purpose: the FX thread moves about a thousand of these every frame, and a new record
 * per node per frame would be 60,000 allocations a second for nothing. Only the FX thread touches them.
 */
public abstract sealed class Vertex permits TopicVertex, ClientVertex {
    /** Heat halves in about a second: a rate, not a total, so idle branches cool down. */
    static final double HEAT_TIME_CONSTANT_S = 1.5;

    private final String label;
    double x;
    double y;
    double targetX;
    double targetY;
    boolean placed;
    boolean pinned;
    boolean visible = true;
    double heat;

    Vertex(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public boolean pinned() {
        return pinned;
    }

    public boolean visible() {
        return visible;
    }

    /** About the messages per second seen recently, times the heat time constant. */
    public double heat() {
        return heat;
    }

    /** Pins the vertex where the user dropped it; the layout leaves pinned vertices alone. */
    public void pinAt(double px, double py) {
        pinned = true;
        x = px;
        y = py;
        targetX = px;
        targetY = py;
    }

    public void unpin() {
        pinned = false;
    }

    void warm(double amount) {
        heat += amount;
    }

    void target(double tx, double ty) {
        if (pinned) {
            return;
        }
        targetX = tx;
        targetY = ty;
        if (!placed) {
            // A new vertex starts where it belongs, not at the origin; only later changes glide.
            x = tx;
            y = ty;
            placed = true;
        }
    }

    void cool(double seconds) {
        heat *= Math.exp(-seconds / HEAT_TIME_CONSTANT_S);
        if (heat < 0.01) {
            heat = 0;
        }
    }

    /** Moves a step towards the target and cools down; returns whether the vertex still moves. */
    boolean step(double seconds) {
        cool(seconds);
        double dx = targetX - x;
        double dy = targetY - y;
        if (Math.abs(dx) < 0.1 && Math.abs(dy) < 0.1) {
            x = targetX;
            y = targetY;
            return false;
        }
        double k = Math.min(1, seconds * 6);
        x += dx * k;
        y += dy * k;
        return true;
    }
}
