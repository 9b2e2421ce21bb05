package org.brokerscope.ui.graph;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import org.brokerscope.domain.Topics;
import org.brokerscope.graph.Camera;
import org.brokerscope.graph.ClientVertex;
import org.brokerscope.graph.GraphModel;
import org.brokerscope.graph.TopicVertex;
import org.brokerscope.graph.Vertex;

/**
 * Paints the still part of a {@link GraphModel} on a canvas: edges in a few batched paths, nodes
 * coloured by heat, and labels where they fit. It is redrawn only when the picture changes (see
 * {@link GraphCanvas}); the dots and glows of hot nodes go on {@link LiveLayer} above it every frame.
 * Nodes and edges off screen are skipped.
 */
final class GraphRenderer {
    /**
     * Above this many visible topics the picture is crowded: only the upper levels get labels and glows.
     * Overlapping translucent glows on a thousand leaves cost tens of milliseconds a frame in software
     * rendering; a leaf's heat still shows in its colour.
     */
    static final int CROWDED = 160;
    /** Labels longer than this many pixels (times the palette's size) end with an ellipsis. */
    private static final double LABEL_WIDTH = 170;

    private final LabelPlacer labels = new LabelPlacer();

    static boolean crowded(GraphModel model, Camera cam) {
        int visible = 0;
        List<TopicVertex> topics = model.topics();
        for (int i = 0; i < topics.size(); i++) {
            visible += topics.get(i).visible() ? 1 : 0;
        }
        return visible > CROWDED && cam.scale() < 1.6;
    }

    void paint(GraphicsContext g, GraphModel model, Camera cam, GraphPalette p, String selected, double w, double h) {
        g.clearRect(0, 0, w, h); // clearing the whole canvas also empties its command buffer
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        List<TopicVertex> topics = model.topics();
        treeEdges(g, topics, cam, p, w, h);
        clientEdges(g, model, cam, p, w, h);
        for (TopicVertex t : topics) {
            if (t.visible()) {
                topicNode(g, t, cam, p, w, h, selected);
            }
        }
        for (ClientVertex c : model.clientVertices()) {
            if (c.visible()) {
                clientNode(g, c, cam, p);
            }
        }
        labels(g, model, cam, p, w, h, selected, crowded(model, cam));
    }

    private static void treeEdges(GraphicsContext g, List<TopicVertex> topics, Camera cam, GraphPalette p, double w, double h) {
        g.setStroke(p.treeEdge());
        g.setLineWidth(1.2 * p.size());
        g.beginPath();
        for (TopicVertex t : topics) {
            if (t.visible() && t.parent() != null) {
                line(g, cam, t.parent(), t, w, h);
            }
        }
        g.stroke();
    }

    private static void clientEdges(GraphicsContext g, GraphModel model, Camera cam, GraphPalette p, double w, double h) {
        g.setStroke(p.publishEdge());
        g.setLineWidth(1.5 * p.size());
        g.beginPath();
        for (ClientVertex c : model.clientVertices()) {
            for (TopicVertex t : c.publishedTo()) {
                if (c.visible() && t.visible()) {
                    line(g, cam, c, t, w, h);
                }
            }
        }
        g.stroke();
        // A subscription is drawn to the level its filter is rooted at; "#" alone would cover everything.
        g.setStroke(p.subscribeEdge());
        g.beginPath();
        for (ClientVertex c : model.clientVertices()) {
            for (String filter : c.subscriptions().keySet()) {
                TopicVertex anchor = anchor(model, filter);
                if (c.visible() && anchor != null && anchor.visible() && !anchor.isBroker()) {
                    line(g, cam, c, anchor, w, h);
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

    // Skips a segment wholly on the far side of one canvas edge: it cannot cross the picture.
    private static void line(GraphicsContext g, Camera cam, Vertex a, Vertex b, double w, double h) {
        double ax = cam.toScreenX(a.x());
        double ay = cam.toScreenY(a.y());
        double bx = cam.toScreenX(b.x());
        double by = cam.toScreenY(b.y());
        if ((ax < 0 && bx < 0) || (ay < 0 && by < 0) || (ax > w && bx > w) || (ay > h && by > h)) {
            return;
        }
        g.moveTo(ax, ay);
        g.lineTo(bx, by);
    }

    static double topicRadius(TopicVertex t, Camera cam, GraphPalette p) {
        return (t.isBroker() ? 15 : Math.max(3.5, 8 - t.depth())) * p.size() * Math.min(1.6, Math.max(0.4, cam.scale()));
    }

    static double clientRadius(GraphPalette p) {
        return 9 * p.size();
    }

    static void topicFill(GraphicsContext g, TopicVertex t, double sx, double sy, double r, GraphPalette p) {
        g.setFill(t.isBroker() ? p.broker() : p.heat()[p.heatIndex(t.heat())]);
        if (r < 3) {
            g.fillRect(sx - r, sy - r, 2 * r, 2 * r); // as round as an oval at this size, and cheaper
        } else {
            g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
        }
    }

    static void clientFill(GraphicsContext g, ClientVertex c, double sx, double sy, GraphPalette p) {
        double r = clientRadius(p);
        g.setFill(!c.connected() ? p.gone() : switch (c.kind()) {
            case SENSOR -> p.sensor();
            case THIS_APP -> p.self();
            case OTHER -> p.client();
        });
        // Clients are squares, topics circles: the difference shows without colour too.
        g.fillRoundRect(sx - r, sy - r, 2 * r, 2 * r, r, r);
    }

    private static void topicNode(GraphicsContext g, TopicVertex t, Camera cam, GraphPalette p, double w, double h,
                                  String selected) {
        double sx = cam.toScreenX(t.x());
        double sy = cam.toScreenY(t.y());
        if (sx < -40 || sy < -40 || sx > w + 40 || sy > h + 40) {
            return;
        }
        double r = topicRadius(t, cam, p);
        topicFill(g, t, sx, sy, r, p);
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
        clientFill(g, c, cam.toScreenX(c.x()), cam.toScreenY(c.y()), p);
    }

    /**
     * Labels in order of importance, each skipped if it would cover one written before: the selected
     * topic, the broker, the clients, then the topic levels from the broker outwards.
     */
    private void labels(GraphicsContext g, GraphModel model, Camera cam, GraphPalette p, double w, double h,
                        String selected, boolean upperLevelsOnly) {
        labels.begin(w, h);
        blockNodes(model, cam, p, upperLevelsOnly);
        labels.use(g, p.topicFont(), LABEL_WIDTH * p.size());
        g.setFill(p.label());
        TopicVertex chosen = selected.isEmpty() ? null : model.topic(selected);
        if (chosen != null && chosen.visible()) {
            topicLabel(g, chosen, cam, p);
        }
        topicLabel(g, model.broker(), cam, p);
        labels.use(g, p.clientFont(), LABEL_WIDTH * p.size());
        for (ClientVertex c : model.clientVertices()) {
            if (c.visible()) {
                g.setFill(c.connected() ? p.label() : p.gone());
                clientLabel(g, c, cam, p);
            }
        }
        labels.use(g, p.topicFont(), LABEL_WIDTH * p.size());
        g.setFill(p.label());
        int deepest = upperLevelsOnly ? 2 : Integer.MAX_VALUE;
        List<TopicVertex> topics = model.topics();
        for (int depth = 1, found = 1; depth <= deepest && found > 0; depth++) {
            found = 0;
            for (TopicVertex t : topics) {
                if (t.depth() == depth) {
                    found++;
                    if (t.visible() && t != chosen) {
                        topicLabel(g, t, cam, p);
                    }
                }
            }
        }
    }

    // Clients and the broker are big and few: no label may hide them. Small topic dots are left free.
    private void blockNodes(GraphModel model, Camera cam, GraphPalette p, boolean crowded) {
        double r = clientRadius(p);
        for (ClientVertex c : model.clientVertices()) {
            if (c.visible()) {
                labels.block(cam.toScreenX(c.x()) - r, cam.toScreenY(c.y()) - r, 2 * r, 2 * r);
            }
        }
        for (TopicVertex t : model.topics()) {
            if (t.visible() && (t.isBroker() || (!crowded && t.depth() <= 2))) {
                double tr = topicRadius(t, cam, p);
                labels.block(cam.toScreenX(t.x()) - tr, cam.toScreenY(t.y()) - tr, 2 * tr, 2 * tr);
            }
        }
    }

    // Outwards, beside the node; but a topic with publishers has its client just outwards, so its label
    // goes under it, and the broker's too.
    private void topicLabel(GraphicsContext g, TopicVertex t, Camera cam, GraphPalette p) {
        double sx = cam.toScreenX(t.x());
        double sy = cam.toScreenY(t.y());
        boolean under = t.isBroker() || !t.publishers().isEmpty();
        LabelPlacer.Side side = under ? LabelPlacer.Side.BELOW : t.x() >= 0 ? LabelPlacer.Side.RIGHT : LabelPlacer.Side.LEFT;
        labels.place(g, t.label(), sx, sy, topicRadius(t, cam, p), side);
    }

    // Outwards from the broker: beside the node on the left and right, above or below it at the top and
    // bottom, so neighbouring clients on the ring do not write over each other.
    private void clientLabel(GraphicsContext g, ClientVertex c, Camera cam, GraphPalette p) {
        double angle = Math.atan2(c.y(), c.x());
        double cos = Math.cos(angle);
        LabelPlacer.Side side = cos > 0.12 ? LabelPlacer.Side.RIGHT : cos < -0.12 ? LabelPlacer.Side.LEFT
                : Math.sin(angle) >= 0 ? LabelPlacer.Side.BELOW : LabelPlacer.Side.ABOVE;
        labels.place(g, c.label(), cam.toScreenX(c.x()), cam.toScreenY(c.y()), clientRadius(p), side);
    }
}
