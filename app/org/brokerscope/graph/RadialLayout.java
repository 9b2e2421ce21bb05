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
    static final double MIN_RING = 150;
    /** Arc length wanted per leaf on the outer ring, so a thousand leaves do not overlap. */
    static final double LEAF_ARC = 9;
    /** How far a lone top level ("maison" in maison/...) sits from the broker. */
    static final double HUB_RADIUS = 0.5 * MIN_RING;

    private int levels;
    private double extra;
    private boolean lone;

    /** The radius of the client ring, i.e. how big the picture is. */
    public double outerRadius() {
        double r = radius(levels);
        return r + Math.max(1.4 * MIN_RING, 0.15 * r);
    }

    void layout(TopicVertex broker, List<ClientVertex> clients) {
        int maxDepth = Math.max(1, countLeaves(broker));
        List<TopicVertex> roots = broker.children().stream().filter(c -> c.visible).toList();
        // A lone top level is a hub beside the broker and its children use the whole circle: otherwise
        // every topic would crowd into the half of the picture on that level's side.
        lone = roots.size() == 1 && maxDepth > 1;
        levels = lone ? maxDepth - 1 : maxDepth;
        extra = Math.max(0, broker.leaves * LEAF_ARC / (2 * Math.PI) - levels * MIN_RING);
        broker.target(0, 0);
        if (lone) {
            TopicVertex hub = roots.get(0);
            hub.angle = -Math.PI / 2;
            hub.target(0, -HUB_RADIUS);
            place(hub, -Math.PI / 2, 3 * Math.PI / 2);
        } else {
            place(broker, -Math.PI / 2, 3 * Math.PI / 2);
        }
        placeClients(clients, freeAngle(lone ? roots.get(0) : broker));
    }

    // Inner rings keep their spacing; the outer ones spread out as far as the leaves need.
    private double radius(int ring) {
        double share = levels == 0 ? 0 : (double) ring / levels;
        return ring * MIN_RING + extra * share * share;
    }

    private int ring(TopicVertex v) {
        return lone ? v.depth() - 1 : v.depth();
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
        int ring = ring(v);
        if (ring > 0) {
            // Children within about acos(r/(r+1)) of their parent's direction: any wider and their edges
            // would cut back across the inner ring. A little wider than that bound still reads well.
            double half = Math.min(Math.PI / 2, 1.5 * Math.acos(ring / (ring + 1.0)));
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
            double r = radius(ring + 1);
            c.target(r * Math.cos(c.angle), r * Math.sin(c.angle));
            place(c, at, at + share);
            at += share;
        }
    }

    // Opposite the mean direction of the levels under the centre: where the tree leaves room.
    private static double freeAngle(TopicVertex centre) {
        double sx = 0;
        double sy = 0;
        for (TopicVertex c : centre.children()) {
            if (c.visible) {
                sx += c.leaves * Math.cos(c.angle);
                sy += c.leaves * Math.sin(c.angle);
            }
        }
        return Math.abs(sx) < 1e-6 && Math.abs(sy) < 1e-6 ? -Math.PI / 2 : normal(Math.atan2(-sy, -sx));
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
        double r = outerRadius();
        for (ClientVertex c : shown) {
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
