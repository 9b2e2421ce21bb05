package org.brokerscope.ui.graph;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.brokerscope.domain.Topics;
import org.brokerscope.graph.Camera;
import org.brokerscope.graph.ClientVertex;
import org.brokerscope.graph.GraphModel;
import org.brokerscope.graph.Particles;
import org.brokerscope.graph.TopicVertex;
import org.brokerscope.graph.Vertex;

/**
 * Paints a {@link GraphModel} on a canvas: edges in a few batched paths, nodes coloured by heat with a
 * glow, dots for messages, and labels where they fit. Nodes off screen are skipped.
 */
final class GraphRenderer {
    /**
     * Above this many visible topics the picture is crowded: only the upper levels get labels and glows.
     * Overlapping translucent glows on a thousand leaves cost tens of milliseconds a frame in software
     * rendering; a leaf's heat still shows in its colour.
     */
    private static final int CROWDED = 160;

    private GraphRenderer() {
    }

    static void paint(GraphicsContext g, GraphModel model, Camera cam, GraphPalette p, String selected,
                      double w, double h, long now) {
        g.clearRect(0, 0, w, h); // clearing the whole canvas also empties its command buffer
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        List<TopicVertex> topics = model.topics();
        treeEdges(g, topics, cam, p);
        clientEdges(g, model, cam, p);
        int visibleTopics = 0;
        for (TopicVertex t : topics) {
            visibleTopics += t.visible() ? 1 : 0;
        }
        boolean crowded = visibleTopics > CROWDED && cam.scale() < 1.6;
        for (TopicVertex t : topics) {
            if (t.visible()) {
                topicNode(g, t, cam, p, w, h, selected, !crowded || t.depth() <= 2);
            }
        }
        for (ClientVertex c : model.clients()) {
            if (c.visible()) {
                clientNode(g, c, cam, p);
            }
        }
        particles(g, model.particles(), cam, p, now);
        labels(g, model, cam, p, w, h, crowded);
    }

    private static void treeEdges(GraphicsContext g, List<TopicVertex> topics, Camera cam, GraphPalette p) {
        g.setStroke(p.treeEdge());
        g.setLineWidth(1.2 * p.size());
        g.beginPath();
        for (TopicVertex t : topics) {
            if (t.visible() && t.parent() != null) {
                g.moveTo(cam.toScreenX(t.parent().x()), cam.toScreenY(t.parent().y()));
                g.lineTo(cam.toScreenX(t.x()), cam.toScreenY(t.y()));
            }
        }
        g.stroke();
    }

    private static void clientEdges(GraphicsContext g, GraphModel model, Camera cam, GraphPalette p) {
        g.setStroke(p.publishEdge());
        g.setLineWidth(1.5 * p.size());
        g.beginPath();
        for (ClientVertex c : model.clients()) {
            for (TopicVertex t : c.publishedTo()) {
                if (c.visible() && t.visible()) {
                    line(g, cam, c, t);
                }
            }
        }
        g.stroke();
        // A subscription is drawn to the level its filter is rooted at; "#" alone would cover everything.
        g.setStroke(p.subscribeEdge());
        g.beginPath();
        for (ClientVertex c : model.clients()) {
            for (String filter : c.subscriptions().keySet()) {
                TopicVertex anchor = anchor(model, filter);
                if (c.visible() && anchor != null && anchor.visible() && !anchor.isBroker()) {
                    line(g, cam, c, anchor);
                }
            }
        }
        g.stroke();
    }

    // The deepest level of a filter before its first wildcard, e.g. "maison/salon" for "maison/salon/+".
    private static TopicVertex anchor(GraphModel model, String filter) {
        int wild = filter.indexOf('+') >= 0 || filter.indexOf('#') >= 0
                ? Math.min(idx(filter, '+'), idx(filter, '#')) : filter.length() + 1;
        String fixed = filter.substring(0, Math.max(0, wild - 1));
        return fixed.isEmpty() || Topics.isReserved(fixed) ? null : model.topic(fixed);
    }

    private static int idx(String s, char c) {
        int i = s.indexOf(c);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static void line(GraphicsContext g, Camera cam, Vertex a, Vertex b) {
        g.moveTo(cam.toScreenX(a.x()), cam.toScreenY(a.y()));
        g.lineTo(cam.toScreenX(b.x()), cam.toScreenY(b.y()));
    }

    private static void topicNode(GraphicsContext g, TopicVertex t, Camera cam, GraphPalette p, double w, double h,
                                  String selected, boolean glows) {
        double sx = cam.toScreenX(t.x());
        double sy = cam.toScreenY(t.y());
        if (sx < -40 || sy < -40 || sx > w + 40 || sy > h + 40) {
            return;
        }
        double r = (t.isBroker() ? 15 : Math.max(3.5, 8 - t.depth())) * p.size() * Math.min(1.6, Math.max(0.4, cam.scale()));
        if (glows && t.heat() > 0.05) {
            double glow = r + (3 + 4 * Math.log1p(t.heat())) * p.size();
            g.setFill(p.glow());
            g.fillOval(sx - glow, sy - glow, 2 * glow, 2 * glow);
        }
        g.setFill(t.isBroker() ? p.broker() : p.heat()[p.heatIndex(t.heat())]);
        if (r < 3) {
            g.fillRect(sx - r, sy - r, 2 * r, 2 * r); // as round as an oval at this size, and cheaper
        } else {
            g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
        }
        if (t.path().equals(selected) && !t.isBroker()) {
            g.setStroke(p.selection());
            g.setLineWidth(2.5);
            g.strokeOval(sx - r - 4, sy - r - 4, 2 * r + 8, 2 * r + 8);
        }
        if (t.pinned()) {
            g.setStroke(p.label());
            g.setLineWidth(1);
            g.strokeOval(sx - r - 1.5, sy - r - 1.5, 2 * r + 3, 2 * r + 3);
        }
    }

    private static void clientNode(GraphicsContext g, ClientVertex c, Camera cam, GraphPalette p) {
        double sx = cam.toScreenX(c.x());
        double sy = cam.toScreenY(c.y());
        double r = 9 * p.size();
        if (c.connected() && c.heat() > 0.05) {
            double glow = r + (2 + 3 * Math.log1p(c.heat())) * p.size();
            g.setFill(p.glow());
            g.fillOval(sx - glow, sy - glow, 2 * glow, 2 * glow);
        }
        g.setFill(!c.connected() ? p.gone() : switch (c.kind()) {
            case SENSOR -> p.sensor();
            case THIS_APP -> p.self();
            case OTHER -> p.client();
        });
        // Clients are squares, topics circles: the difference shows without colour too.
        g.fillRoundRect(sx - r, sy - r, 2 * r, 2 * r, r, r);
    }

    private static void particles(GraphicsContext g, Particles particles, Camera cam, GraphPalette p, long now) {
        g.setFill(p.particle());
        double r = 3.2 * p.size();
        for (Particles.Particle dot : particles.alive()) {
            double k = dot.progress(now);
            if (k < 0 || k > 1) {
                continue;
            }
            double x = dot.from().x() + (dot.to().x() - dot.from().x()) * k;
            double y = dot.from().y() + (dot.to().y() - dot.from().y()) * k;
            g.fillOval(cam.toScreenX(x) - r, cam.toScreenY(y) - r, 2 * r, 2 * r);
        }
    }

    // Outwards from the broker: beside the node on the left and right, above or below it at the top and
    // bottom, so neighbouring clients on the ring do not write over each other.
    private static void clientLabel(GraphicsContext g, ClientVertex c, double sx, double sy, double gap) {
        double angle = Math.atan2(c.y(), c.x());
        double cos = Math.cos(angle);
        if (cos > 0.12) {
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(c.label(), sx + gap, sy);
        } else if (cos < -0.12) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(c.label(), sx - gap, sy);
        } else {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(c.label(), sx, sy + (Math.sin(angle) >= 0 ? gap + 6 : -gap - 6));
        }
    }

    private static void labels(GraphicsContext g, GraphModel model, Camera cam, GraphPalette p, double w, double h,
                               boolean upperLevelsOnly) {
        g.setTextBaseline(VPos.CENTER);
        g.setFill(p.label());
        g.setFont(p.topicFont());
        for (TopicVertex t : model.topics()) {
            if (!t.visible() || (upperLevelsOnly && t.depth() > 2)) {
                continue;
            }
            double sx = cam.toScreenX(t.x());
            double sy = cam.toScreenY(t.y());
            if (sx < 0 || sy < 0 || sx > w || sy > h) {
                continue;
            }
            // Outwards, beside the node; but a topic with publishers has its client just outwards, so its
            // label goes under it, and the broker's too.
            boolean under = t.isBroker() || !t.publishers().isEmpty();
            boolean right = t.x() >= 0;
            g.setTextAlign(under ? TextAlignment.CENTER : right ? TextAlignment.LEFT : TextAlignment.RIGHT);
            double dx = under ? 0 : (right ? 10 : -10) * p.size();
            g.fillText(t.label(), sx + dx, sy + (t.isBroker() ? 26 : under ? 16 : 0) * p.size());
        }
        g.setFont(p.clientFont());
        for (ClientVertex c : model.clients()) {
            if (c.visible()) {
                g.setFill(c.connected() ? p.label() : p.gone());
                clientLabel(g, c, cam.toScreenX(c.x()), cam.toScreenY(c.y()), 14 * p.size());
            }
        }
    }
}
