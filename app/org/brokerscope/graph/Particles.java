package org.brokerscope.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Dots moving along edges, one per message, up to a budget per frame and a cap alive. Above the budget
 * messages are sampled evenly across the frame, and the share shown is kept so the view can say so.
 */
public final class Particles {
    /** What one dot travels: from a vertex to another, starting at a time, over a duration. */
    public record Particle(Vertex from, Vertex to, long startNanos, long durationNanos) {
        /** 0 at the start, 1 on arrival; negative while waiting for its first leg to arrive. */
        public double progress(long now) {
            return (double) (now - startNanos) / durationNanos;
        }
    }

    static final long LEG_NANOS = 600_000_000L;
    private final int budgetPerFrame;
    private final int maxAlive;
    private final List<Particle> alive = new ArrayList<>();
    private long offered;
    private long shown;
    private boolean paused;

    public Particles(int budgetPerFrame, int maxAlive) {
        this.budgetPerFrame = budgetPerFrame;
        this.maxAlive = maxAlive;
    }

    public List<Particle> alive() {
        return alive;
    }

    int budgetPerFrame() {
        return budgetPerFrame;
    }

    /** Records that a message was offered; returns whether its dots may be drawn this frame. */
    boolean admit(int index, int offeredThisFrame) {
        if (paused) {
            return false; // nobody sees the dots: neither drawn nor counted as sampled out
        }
        offered++;
        int stride = Math.max(1, (offeredThisFrame + budgetPerFrame - 1) / budgetPerFrame);
        if (index % stride != 0 || alive.size() >= maxAlive) {
            return false;
        }
        shown++;
        return true;
    }

    void launch(Vertex from, Vertex to, long startNanos) {
        if (from != to && alive.size() < maxAlive) {
            alive.add(new Particle(from, to, startNanos, LEG_NANOS));
        }
    }

    /** While no view shows the graph: drops every dot and launches none until the next {@link #step}. */
    void pause() {
        paused = true;
        alive.clear();
    }

    /** Drops the dots that arrived; returns whether any are still moving. */
    boolean step(long now) {
        paused = false;
        alive.removeIf(p -> p.progress(now) >= 1 || !p.from().visible() || !p.to().visible());
        return !alive.isEmpty();
    }

    /** Messages shown as dots per message offered since the start (1 when nothing was sampled out). */
    public double shownShare() {
        return offered == 0 ? 1 : (double) shown / offered;
    }
}
