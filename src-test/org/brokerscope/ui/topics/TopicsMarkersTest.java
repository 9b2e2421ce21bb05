package org.brokerscope.ui.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;
import javafx.scene.layout.FlowPane;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What the tree and inspector say beyond a topic's value, in a real window on Mosquitto: the marker on
 * aggregates the rooms view republishes, the summary of a level without a message of its own, and the
 * chart legend's live counts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicsMarkersTest extends TopicsWindowTestBase {

    @Test
    @Order(1)
    void aggregatesAreMarkedWithATooltipAndReadingsAreNot() throws Exception {
        publish("maison/salon/temperature/avg", "21.2", false);
        publish("maison/_house/temperature/avg", "21.6", false);
        selectWhenKnown("maison/salon/temperature/avg");
        selectWhenKnown("maison/_house/temperature/avg");

        Label marker = marker("maison/salon/temperature/avg");
        assertEquals("Σ", marker.getText());
        assertTrue(marker.getTooltip().getText().startsWith("Aggregate: computed and republished by Brokerscope's Rooms view"),
                marker.getTooltip().getText());
        assertTrue(marker("maison/_house/temperature/avg").isVisible());
        assertFalse(onFx(() -> nameCell(row("maison/cuisine/humidity")).getGraphic() != null), "a reading has no marker");
    }

    @Test
    @Order(2)
    void aLevelWithoutAMessageShowsItsSubtreeInsteadOfABlank() throws Exception {
        publish("usine/ligne1/vitesse", "12", false);
        publish("usine/ligne1/arret", "non", false);
        publish("usine/ligne2", "ok", false);
        selectWhenKnown("usine/ligne2");
        selectWhenKnown("usine");
        awaitFx(() -> label("#summaryLabel").contains("3 topics below it, 3 messages in all"));
        assertTrue(label("#summaryLabel").startsWith("usine has no message of its own."), label("#summaryLabel"));
        assertTrue(robot.lookup("#summaryLabel").query().isVisible());
        assertFalse(robot.lookup("#payloadSplit").query().isVisible(), "no empty payload list under the summary");

        // The summary is live: one more message below is counted without selecting again.
        publish("usine/ligne1/vitesse", "13", false);
        awaitFx(() -> label("#summaryLabel").contains("3 topics below it, 4 messages in all"));

        // A level that has a message of its own shows the message, not a summary.
        selectWhenKnown("usine/ligne2");
        awaitFx(() -> !robot.lookup("#summaryLabel").query().isVisible() && robot.lookup("#payloadSplit").query().isVisible());
    }

    @Test
    @Order(3)
    void theChartLegendCountsFollowTheMessages() throws Exception {
        publish("usine/ligne1/temperature", "40", false);
        selectWhenKnown("usine/ligne1/temperature");
        runFx(() -> screen.model().chart("usine/ligne1/temperature"));
        awaitFx(() -> legendText().equals("usine/ligne1/temperature (1)"));
        // One point per frame at most (the latest value): wait for each before the next.
        publish("usine/ligne1/temperature", "41", false);
        awaitFx(() -> legendText().equals("usine/ligne1/temperature (2)"));
        publish("usine/ligne1/temperature", "42", false);
        awaitFx(() -> legendText().equals("usine/ligne1/temperature (3)"));
    }

    private String legendText() {
        FlowPane legend = robot.lookup("#legend").queryAs(FlowPane.class);
        return legend.getChildren().isEmpty() ? "" : ((Label) legend.getChildren().get(0)).getText();
    }

    private Label marker(String topic) throws Exception {
        javafx.scene.Node row = row(topic);
        return onFx(() -> (Label) nameCell(row).getGraphic());
    }

    private static TreeTableCell<?, ?> nameCell(javafx.scene.Node row) {
        return ((javafx.scene.Parent) row).getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof TreeTableCell<?, ?> c && c.getTableColumn().getId().equals("nameColumn"))
                .map(n -> (TreeTableCell<?, ?>) n).findFirst().orElseThrow();
    }
}
