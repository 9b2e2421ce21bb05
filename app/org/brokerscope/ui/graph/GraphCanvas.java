package org.brokerscope.ui.graph;

import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.brokerscope.graph.Camera;
import org.brokerscope.graph.ClientVertex;
import org.brokerscope.graph.GraphModel;
import org.brokerscope.graph.TopicVertex;
import org.brokerscope.graph.Vertex;

/**
 * One canvas showing the graph, with its own camera: wheel zooms, dragging the background pans,
 * dragging a node pins it there (double-click unpins), a click on a topic selects it. It fits the whole
 * graph in view until the user zooms or pans, and again on {@link #fit()}.
 */
final class GraphCanvas extends Region {
    private static final double CLICK_SLOP = 4;
    /** Heat colours of the still picture are brought up to date this often while nodes cool or warm. */
    private static final long RECOLOUR_NANOS = 250_000_000L;

    // Two layers: the still picture (edges, nodes, labels), redrawn only when it changes, and above it the
    // dots and glows, redrawn every frame. Redrawing everything each frame missed 60 fps in software.
    private final Canvas canvas = new Canvas();
    private final Canvas live = new Canvas();
    private final GraphRenderer renderer = new GraphRenderer();
    private final Camera camera = new Camera();
    private final GraphViewModel model;
    private final GraphPalette palette;
    private boolean autoFit = true;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private Vertex dragged;
    private boolean dirty = true;
    private long drawnRevision = -1;
    private String drawnSelection = "";
    private long drawnAt;
    private boolean liveShown;

    GraphCanvas(GraphViewModel model, GraphPalette palette) {
        this.model = model;
        this.palette = palette;
        getStyleClass().add("graph-canvas");
        getChildren().addAll(canvas, live);
        live.setMouseTransparent(true);
        setMinSize(100, 100);
        canvas.setOnScroll(this::zoom);
        canvas.setOnMousePressed(this::press);
        canvas.setOnMouseDragged(this::drag);
        canvas.setOnMouseReleased(this::release);
        widthProperty().addListener((obs, old, now) -> dirty = true);
        heightProperty().addListener((obs, old, now) -> dirty = true);
    }

    Camera camera() {
        return camera;
    }

    /** Fits the whole graph in view again, and keeps it fitted as it grows. */
    void fit() {
        autoFit = true;
        dirty = true;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        live.setWidth(getWidth());
        live.setHeight(getHeight());
    }

    /**
     * Paints one frame: the still picture only if it changed (layout, camera, selection, or heat colours
     * a few times a second), the live layer if anything moves; nothing while not showing.
     */
    void paint(long now, boolean moving) {
        GraphModel graph = model.graph();
        if (graph == null || getScene() == null || getWidth() < 1) {
            return;
        }
        String selected = model.selectedTopicProperty().get();
        boolean changed = dirty || graph.revision() != drawnRevision || !selected.equals(drawnSelection);
        if (changed && autoFit) {
            camera.fit(graph.bounds(), Math.min(170 * palette.size(), getWidth() * 0.22), 50 * palette.size(), getWidth(), getHeight());
        }
        if (changed || (graph.warm() && now - drawnAt >= RECOLOUR_NANOS)) {
            renderer.paint(canvas.getGraphicsContext2D(), graph, camera, palette, selected, getWidth(), getHeight());
            drawnRevision = graph.revision();
            drawnSelection = selected;
            drawnAt = now;
            dirty = false;
            changed = true;
        }
        if (moving || changed || liveShown) {
            liveShown = LiveLayer.paint(live.getGraphicsContext2D(), graph, camera, palette, getWidth(), getHeight(), now);
        }
    }

    private void zoom(ScrollEvent e) {
        autoFit = false;
        camera.zoomAt(e.getX(), e.getY(), Math.pow(1.0018, e.getDeltaY()));
        dirty = true;
    }

    private void press(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        lastX = pressX;
        lastY = pressY;
        dragged = e.getButton() == MouseButton.PRIMARY ? hit(e.getX(), e.getY()) : null;
        if (dragged != null && e.getClickCount() == 2) {
            dragged.unpin();
            model.graph().relayout();
            dragged = null;
        }
    }

    private void drag(MouseEvent e) {
        if (Math.hypot(e.getX() - pressX, e.getY() - pressY) < CLICK_SLOP) {
            return;
        }
        if (dragged != null) {
            dragged.pinAt(camera.toWorldX(e.getX()), camera.toWorldY(e.getY()));
        } else {
            autoFit = false;
            camera.panBy(e.getX() - lastX, e.getY() - lastY);
        }
        lastX = e.getX();
        lastY = e.getY();
        dirty = true;
    }

    private void release(MouseEvent e) {
        boolean click = Math.hypot(e.getX() - pressX, e.getY() - pressY) < CLICK_SLOP;
        if (click && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1) {
            Vertex v = hit(e.getX(), e.getY());
            if (v instanceof TopicVertex t && !t.isBroker()) {
                model.selectTopic(t.path());
            } else if (v instanceof ClientVertex c) {
                model.selectClient(c.clientId());
            }
            dirty = true;
        }
        dragged = null;
    }

    /** The visible vertex nearest to a point on the canvas, within a finger's reach. */
    Vertex hit(double sx, double sy) {
        GraphModel graph = model.graph();
        if (graph == null) {
            return null;
        }
        Vertex best = null;
        double bestDistance = 14 * palette.size();
        for (ClientVertex c : graph.clients()) {
            double d = distance(c, sx, sy);
            if (c.visible() && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        for (TopicVertex t : graph.topics()) {
            double d = distance(t, sx, sy);
            if (t.visible() && d < bestDistance) {
                best = t;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Where a vertex is on the canvas, for tests and tools that click it. */
    double screenX(Vertex v) {
        return camera.toScreenX(v.x());
    }

    double screenY(Vertex v) {
        return camera.toScreenY(v.y());
    }

    private double distance(Vertex v, double sx, double sy) {
        return Math.hypot(camera.toScreenX(v.x()) - sx, camera.toScreenY(v.y()) - sy);
    }
}
