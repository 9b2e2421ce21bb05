package org.brokerscope.ui.graph;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import org.brokerscope.graph.Camera;
import org.brokerscope.graph.ClientVertex;
import org.brokerscope.graph.GraphModel;
import org.brokerscope.graph.Particles;
import org.brokerscope.graph.TopicVertex;

/**
 * What changes every frame, on a transparent canvas above the still picture: the glow of hot nodes
 * (with the node drawn again over its glow) and the message dots. It touches only those, so a frame
 * costs a few hundred small shapes instead of the whole graph; nothing is allocated per frame and
 * shapes off screen are skipped.
 */
final class LiveLayer {
    private static final double HOT = 0.05;
    private static final double MARGIN = 40;

    private LiveLayer() {
    }

    /** Returns whether anything was drawn, i.e. whether the next frame must clear it again. */
    static boolean paint(GraphicsContext g, GraphModel model, Camera cam, GraphPalette p, double w, double h, long now) {
        g.clearRect(0, 0, w, h);
        boolean crowded = GraphRenderer.crowded(model, cam);
        int drawn = 0;
        List<TopicVertex> topics = model.topics();
        for (int i = 0; i < topics.size(); i++) {
            TopicVertex t = topics.get(i);
            if (t.visible() && t.heat() > HOT && (!crowded || t.depth() <= 2)) {
                drawn += hotTopic(g, t, cam, p, w, h);
            }
        }
        for (ClientVertex c : model.clientVertices()) {
            if (c.visible() && c.connected() && c.heat() > HOT) {
                drawn += hotClient(g, c, cam, p, w, h);
            }
        }
        return drawn + dots(g, model.particles(), cam, p, w, h, now) > 0;
    }

    private static int hotTopic(GraphicsContext g, TopicVertex t, Camera cam, GraphPalette p, double w, double h) {
        double sx = cam.toScreenX(t.x());
        double sy = cam.toScreenY(t.y());
        if (offScreen(sx, sy, w, h)) {
            return 0;
        }
        double r = GraphRenderer.topicRadius(t, cam, p);
        double glow = r + (3 + 4 * Math.log1p(t.heat())) * p.size();
        g.setFill(p.glow());
        g.fillOval(sx - glow, sy - glow, 2 * glow, 2 * glow);
        GraphRenderer.topicFill(g, t, sx, sy, r, p);
        return 1;
    }

    private static int hotClient(GraphicsContext g, ClientVertex c, Camera cam, GraphPalette p, double w, double h) {
        double sx = cam.toScreenX(c.x());
        double sy = cam.toScreenY(c.y());
        if (offScreen(sx, sy, w, h)) {
            return 0;
        }
        double r = GraphRenderer.clientRadius(p);
        double glow = r + (2 + 3 * Math.log1p(c.heat())) * p.size();
        g.setFill(p.glow());
        g.fillOval(sx - glow, sy - glow, 2 * glow, 2 * glow);
        GraphRenderer.clientFill(g, c, sx, sy, p);
        return 1;
    }

    private static int dots(GraphicsContext g, Particles particles, Camera cam, GraphPalette p, double w, double h,
                            long now) {
        g.setFill(p.particle());
        double r = 3.2 * p.size();
        List<Particles.Particle> alive = particles.alive();
        int drawn = 0;
        for (int i = 0; i < alive.size(); i++) {
            Particles.Particle dot = alive.get(i);
            double k = dot.progress(now);
            if (k < 0 || k > 1) {
                continue;
            }
            double sx = cam.toScreenX(dot.from().x() + (dot.to().x() - dot.from().x()) * k);
            double sy = cam.toScreenY(dot.from().y() + (dot.to().y() - dot.from().y()) * k);
            if (!offScreen(sx, sy, w, h)) {
                g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
                drawn++;
            }
        }
        return drawn;
    }

    private static boolean offScreen(double sx, double sy, double w, double h) {
        return sx < -MARGIN || sy < -MARGIN || sx > w + MARGIN || sy > h + MARGIN;
    }
}
