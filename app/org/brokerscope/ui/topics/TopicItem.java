package org.brokerscope.ui.topics;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.domain.rooms.TopicMapper;

/**
 * One level of the topic tree as the view shows it. It holds the latest immutable snapshot, and hands it
 * to the property the cells listen to only when the tree model says so (a few times a second): a row
 * that is not on screen has no cell listening, and one that is re-renders at a pace a reader can follow.
 */
public final class TopicItem {
    private final String name;
    private final String topic;
    private final boolean aggregate;
    private final ReadOnlyObjectWrapper<TopicSnapshot> state = new ReadOnlyObjectWrapper<>();
    private TopicSnapshot latest;
    private boolean unshown;

    TopicItem(String name, String topic) {
        this.name = name;
        this.topic = topic;
        // Once per level, not per message: the name never changes.
        this.aggregate = !topic.isEmpty() && TopicMapper.isAggregate(topic);
    }

    static TopicItem root() {
        return new TopicItem("", "");
    }

    /** The level's own name, e.g. {@code temperature} for {@code maison/salon/temperature}. */
    public String name() {
        return name;
    }

    public String topic() {
        return topic;
    }

    /** Broker statistics ({@code $SYS/...}) sit under their own root and are styled apart. */
    public boolean isSystem() {
        return topic.startsWith("$");
    }

    /** A value the rooms view computed and republished (an average, {@code _house/...}), not a reading. */
    public boolean isAggregate() {
        return aggregate;
    }

    /** The snapshot the cells show: the latest as of the tree model's last {@link #show()}. */
    public ReadOnlyObjectProperty<TopicSnapshot> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The latest snapshot, shown or not yet; null for a level created ahead of its own snapshot. */
    public TopicSnapshot state() {
        return latest;
    }

    /**
     * Takes a newer snapshot; true if it is the first since the last {@link #show()}, so the caller lists
     * this item once. A level's first snapshot shows at once, so a new row never sits empty.
     */
    boolean update(TopicSnapshot snapshot) {
        latest = snapshot;
        if (state.get() == null) {
            state.set(snapshot);
            return false;
        }
        boolean first = !unshown;
        unshown = true;
        return first;
    }

    /** Hands the latest snapshot to the cells, which re-render if they are on screen. */
    void show() {
        unshown = false;
        state.set(latest);
    }

    @Override
    public String toString() {
        return topic;
    }
}
