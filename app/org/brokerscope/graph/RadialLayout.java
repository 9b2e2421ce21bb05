package org.brokerscope.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places the broker at the centre, each topic level on a ring (depth times the ring spacing), and
 * clients on a ring outside the deepest topics, near the topics they publish to.
 *
 * <p>Why a tidy radial tree and not a force layout: it is deterministic, so the same topics always give
 * the same picture and a class can find "its" branch again after a restart; children are sorted by name
 * and each subtree gets an angle in proportion to its leaves, so adding a topic only narrows its
 * neighbours' sectors by a fraction instead of reshuffling everything; and it costs one pass over the
 * tree, run only when the structure changes, where a force layout for a thousand nodes must iterate
 * every frame (Barnes-Hut or O(n²)) and keeps wandering. What is left of the movement after a change is
 * eased by {@link Vertex#step}, so nothing jumps.
 */
public final class RadialLayout {
    /** Minimum distance between rings, in graph units (pixels at zoom 1). */
    static final double MIN_RING = 120;
    /** Arc length wanted per leaf on the outer ring, so a thousand leaves do not overlap. */
    static final double LEAF_ARC = 11;

    private double ring = MIN_RING;
    private int maxDepth;
    private boolean fanned;

    /** The radius of the client ring, i.e. how big the picture is. */
    public double outerRadius() {
        return (maxDepth + 1.4) * ring;
    }

    void layout(TopicVertex broker, List<ClientVertex> clients) {
        maxDepth = Math.max(1, countLeaves(broker));
        long roots = broker.children().stream().filter(c -> c.visible).count();
        // With one or two top levels the tree fans out over a third of the circle (see place()).
        fanned = roots < 3;
        double usable = fanned ? Math.PI : 2 * Math.PI;
        ring = Math.max(MIN_RING, broker.leaves * LEAF_ARC / (usable * maxDepth));
        broker.target(0, 0);
        place(broker, -Math.PI / 2, 3 * Math.PI / 2);
        placeClients(clients, freeAngle(broker));
    }

    // Returns the depth of the deepest visible level; stores leaf counts on the way back up.
    private int countLeaves(TopicVertex v) {
        int deepest = v.depth();
        int leaves = 0;
        for (TopicVertex c : v.children()) {
            if (c.visible) {
                deepest = Math.max(deepest, countLeaves(c));
                leaves += c.leaves;
            }
        }
        v.leaves = Math.max(1, leaves);
        return deepest;
    }

    private void place(TopicVertex v, double from, double to) {
        if (v.depth() > 0) {
            // Children on the next ring within acos(d/(d+1)) of their parent's direction: any wider and
            // their edges would cut back across the inner ring (a lone "maison" would wrap the broker).
            // A little wider than that bound reads better and still keeps clear of the broker.
            double half = Math.min(Math.PI / 2, 1.5 * Math.acos(v.depth() / (v.depth() + 1.0)));
            from = Math.max(from, v.angle - half);
            to = Math.min(to, v.angle + half);
        }
        double at = from;
        for (TopicVertex c : v.children()) {
            if (!c.visible) {
                continue;
            }
            double share = (to - from) * c.leaves / v.leaves;
            c.angle = at + share / 2;
            double r = c.depth() * ring;
            c.target(r * Math.cos(c.angle), r * Math.sin(c.angle));
            place(c, at, at + share);
            at += share;
        }
    }

    // Opposite the mean direction of the top levels: where the tree leaves room.
    private static double freeAngle(TopicVertex broker) {
        double sx = 0;
        double sy = 0;
        for (TopicVertex c : broker.children()) {
            if (c.visible) {
                sx += c.leaves * Math.cos(c.angle);
                sy += c.leaves * Math.sin(c.angle);
            }
        }
        return Math.abs(sx) < 1e-9 && Math.abs(sy) < 1e-9 ? -Math.PI / 2 : normal(Math.atan2(-sy, -sx));
    }

    private static double normal(double a) {
        return a < -Math.PI / 2 ? a + 2 * Math.PI : a;
    }

    private void placeClients(List<ClientVertex> clients, double free) {
        List<ClientVertex> shown = new ArrayList<>();
        for (ClientVertex c : clients) {
            if (c.visible) {
                c.angle = preferredAngle(c, free);
                shown.add(c);
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        shown.sort(Comparator.comparingDouble(c -> c.angle));
        double gap = Math.min(2 * Math.PI / shown.size(), 0.22);
        for (int i = 1; i < shown.size(); i++) {
            ClientVertex prev = shown.get(i - 1);
            shown.get(i).angle = Math.max(shown.get(i).angle, prev.angle + gap);
        }
        for (ClientVertex c : shown) {
            // Clients that publish sit beyond their topics; the others, when the tree leaves a side free,
            // close to the broker on that side.
            double r = c.publishedTo().isEmpty() && fanned ? 1.4 * ring : outerRadius();
            c.target(r * Math.cos(c.angle), r * Math.sin(c.angle));
        }
    }

    // The mean direction of the topics a client publishes to; others go where the tree leaves room.
    private static double preferredAngle(ClientVertex c, double free) {
        double sx = 0;
        double sy = 0;
        for (TopicVertex t : c.publishedTo()) {
            if (t.visible) {
                sx += Math.cos(t.angle);
                sy += Math.sin(t.angle);
            }
        }
        if (Math.abs(sx) < 1e-9 && Math.abs(sy) < 1e-9) {
            return free;
        }
        return normal(Math.atan2(sy, sx));
    }
}
