package org.brokerscope.ui.topics;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.domain.rooms.TopicMapper;

/**
 * One level of the topic tree as the view shows it. Its state is one property holding the latest
 * immutable snapshot: a row that is not on screen has no cell listening, so updating it is a field write.
 */
public final class TopicItem {
    private final String name;
    private final String topic;
    private final boolean aggregate;
    private final ReadOnlyObjectWrapper<TopicSnapshot> state = new ReadOnlyObjectWrapper<>();

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

    public ReadOnlyObjectProperty<TopicSnapshot> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The latest snapshot; null for a level created ahead of its own snapshot. */
    public TopicSnapshot state() {
        return state.get();
    }

    void update(TopicSnapshot snapshot) {
        state.set(snapshot);
    }

    @Override
    public String toString() {
        return topic;
    }
}
