package org.brokerscope.ui.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeItem;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.domain.TopicTree;
import org.junit.jupiter.api.Test;

/** The FX-side tree's per-frame caps and automatic opening, fed with real snapshots (no window needed). */
class TopicTreeModelTest {
    private final TopicTree domain = new TopicTree();
    private final TopicTreeModel model = new TopicTreeModel();

    private Map<String, TopicSnapshot> publish(int from, int to) {
        Map<String, TopicSnapshot> changes = new HashMap<>();
        for (int i = from; i < to; i++) {
            var node = domain.apply(Message.received("flood/site/sensor-" + i, "1".getBytes(), 0, false));
            changes.put(node.topic(), node.snapshot());
            node.parent().ifPresent(p -> changes.put(p.topic(), p.snapshot()));
        }
        changes.put("flood", domain.find("flood").orElseThrow().snapshot());
        return changes;
    }

    @Test
    void newLevelsPerFrameAreCappedAndTheRestWaits() {
        model.apply(publish(0, 1_000));
        assertTrue(model.size() <= TopicTreeModel.MAX_CREATED_PER_FRAME + 2, "created " + model.size());
        assertTrue(model.pendingCount() > 0);
        for (int frame = 0; frame < 10 && model.pendingCount() > 0; frame++) {
            model.apply(Map.of());
        }
        assertEquals(1_002, model.size());
        assertEquals(1_000, model.item("flood").orElseThrow().getValue().state().subtreeMessageCount());
    }

    @Test
    void aLevelOpenedAutomaticallyClosesWhenItGrowsLargeButOneTheUserOpenedStaysOpen() {
        model.apply(publish(0, 10));
        TreeItem<TopicItem> site = model.item("flood/site").orElseThrow();
        assertTrue(site.isExpanded(), "small trees are open");
        model.apply(publish(10, 300));
        assertFalse(site.isExpanded(), "10 then 300 sensors under one level: closed again");

        model.expandAncestors(model.item("flood/site/sensor-5").orElseThrow());
        model.apply(publish(300, 600));
        for (int frame = 0; frame < 5; frame++) {
            model.apply(Map.of());
        }
        assertTrue(site.isExpanded(), "opened for the user, it stays open");
        List<String> firstNames = site.getChildren().subList(0, 3).stream().map(i -> i.getValue().name()).toList();
        assertEquals(List.of("sensor-0", "sensor-1", "sensor-2"), firstNames, "natural order");
    }

    @Test
    void aNewLevelShowsAtOnceAndLaterChangesReachTheCellsAtMostTenTimesASecond() {
        model.apply(publish(0, 1));
        TopicItem sensor = model.item("flood/site/sensor-0").orElseThrow().getValue();
        assertEquals(1, sensor.stateProperty().get().messageCount(), "a new row is never empty");

        model.apply(publish(0, 1));
        model.showChanges(0);
        model.apply(publish(0, 1));
        assertEquals(3, sensor.state().messageCount(), "the model always has the latest");
        model.showChanges(TopicTreeModel.SHOW_EVERY_NANOS - 1);
        assertEquals(2, sensor.stateProperty().get().messageCount(), "shown at 0, not again within 100 ms");
        model.showChanges(TopicTreeModel.SHOW_EVERY_NANOS);
        assertEquals(3, sensor.stateProperty().get().messageCount());
        assertEquals(3, model.item("flood").orElseThrow().getValue().stateProperty().get().subtreeMessageCount());
    }
}
