package org.brokerscope.ui.graph;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Colours and sizes of the graph: the calm one for the desk, and a high-contrast one with large labels
 * for a projector at the back of a classroom.
 *
 * @param heat colours from cold to hot, indexed by {@link #heatIndex(double)}
 * @param size multiplies node radii
 */
record GraphPalette(Color background, Color treeEdge, Color publishEdge, Color subscribeEdge, Color broker,
                    Color[] heat, Color glow, Color sensor, Color client, Color self, Color gone, Color particle,
                    Color label, Color selection, Font topicFont, Font clientFont, double size) {

    static GraphPalette desk() {
        return new GraphPalette(Color.web("#f6f7f9"), Color.web("#c3cbd4"), Color.web("#1f7a8c", 0.55),
                Color.web("#7b5ea7", 0.45), Color.web("#1f3b4d"), ramp(Color.web("#9aabbd"), Color.web("#f08c00")),
                Color.web("#f5a623", 0.28), Color.web("#2e7d32"), Color.web("#1f7a8c"), Color.web("#7b5ea7"),
                Color.web("#b8bec6"), Color.web("#e8590c"), Color.web("#2b3440"), Color.web("#d6336c"),
                Font.font("System", 11), Font.font("System", FontWeight.BOLD, 12), 1);
    }

    static GraphPalette presenter() {
        return new GraphPalette(Color.BLACK, Color.web("#7d8a99"), Color.web("#4dd0e1", 0.8),
                Color.web("#d0a6ff", 0.7), Color.WHITE, ramp(Color.web("#6f8296"), Color.web("#ffd43b")),
                Color.web("#ffd43b", 0.35), Color.web("#69db7c"), Color.web("#4dd0e1"), Color.web("#d0a6ff"),
                Color.web("#5c636a"), Color.web("#ffec99"), Color.WHITE, Color.web("#ff6b9d"),
                Font.font("System", FontWeight.BOLD, 17), Font.font("System", FontWeight.BOLD, 18), 1.6);
    }

    /** 0 for an idle node up to the last colour for about 20 messages per heat time constant. */
    int heatIndex(double heatValue) {
        if (heatValue <= 0) {
            return 0;
        }
        double t = Math.min(1, Math.log1p(heatValue) / Math.log1p(20));
        return (int) Math.round(t * (heat.length - 1));
    }

    private static Color[] ramp(Color cold, Color hot) {
        Color[] colours = new Color[8];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = cold.interpolate(hot, i / (double) (colours.length - 1));
        }
        return colours;
    }
}
