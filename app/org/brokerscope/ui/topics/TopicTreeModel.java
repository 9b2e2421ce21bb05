package org.brokerscope.ui.topics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.domain.Topics;

/**
 * The tree's items on the FX thread, fed with the ingest path's snapshots once per frame. Work per
 * frame is capped: at most {@link #MAX_APPLIED_PER_FRAME} snapshots and {@link #MAX_CREATED_PER_FRAME}
 * new levels (an insert into a big expanded level costs far more than an update); the rest waits for
 * the next frame, latest state only.
 *
 * <p>New levels show at once; changes to known ones reach the cells every {@link #SHOW_EVERY_NANOS}.
 * On a busy broker every row on screen changes every frame, and each change of a cell's text costs the
 * FX thread a layout and CSS pass of the visible rows and the render thread a repaint: at 20,000 msg/s
 * showing them ten times a second halved the FX thread's CPU (docs/benchmarks.md, session 5), and
 * counts changing 60 times a second cannot be read anyway.
 */
final class TopicTreeModel {
    static final int MAX_APPLIED_PER_FRAME = 4_000;
    static final int MAX_CREATED_PER_FRAME = 400;
    // Small brokers show every level open; a flood of topics stays collapsed so the view stays cheap.
    static final int AUTO_EXPAND_BELOW = 300;
    // A level opened automatically closes again once it has this many children (10,000 sensors under one
    // level): inserting rows above the visible ones re-lays out every visible row, each frame (JFR).
    static final int AUTO_COLLAPSE_ABOVE = 200;
    static final long SHOW_EVERY_NANOS = 100_000_000L;
    // $SYS after every ordinary root, then by name.
    private static final Comparator<TreeItem<TopicItem>> ORDER = Comparator
            .comparing((TreeItem<TopicItem> i) -> i.getValue().isSystem())
            .thenComparing(i -> i.getValue().name(), NaturalOrder.INSTANCE);

    private final TreeItem<TopicItem> root = new TreeItem<>(TopicItem.root());
    private final Map<String, TreeItem<TopicItem>> items = new HashMap<>();
    private final Map<String, TopicSnapshot> pending = new LinkedHashMap<>();
    // Levels changed since the cells last saw them; reused, so a busy frame allocates nothing here.
    private final List<TopicItem> unshown = new ArrayList<>();
    private long shownAtNanos;
    private boolean shownBefore;
    // Levels this model opened, as opposed to the user: only those are closed again when they grow.
    private final java.util.Set<TreeItem<TopicItem>> openedAutomatically = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    TopicTreeModel() {
        root.setExpanded(true);
    }

    TreeItem<TopicItem> root() {
        return root;
    }

    int size() {
        return items.size();
    }

    int pendingCount() {
        return pending.size();
    }

    Optional<TreeItem<TopicItem>> item(String topic) {
        return Optional.ofNullable(items.get(topic));
    }

    /** Every level's topic, for a search on another thread; a copy, so the search sees a fixed set. */
    String[] topics() {
        return items.keySet().toArray(String[]::new);
    }

    /** Forgets every level, e.g. after a switch to another broker. */
    void clear() {
        root.getChildren().clear();
        items.clear();
        pending.clear();
        unshown.clear();
        openedAutomatically.clear();
    }

    /** Hands the changed levels' latest state to the cells, if {@link #SHOW_EVERY_NANOS} has passed. */
    void showChanges(long nowNanos) {
        if (shownBefore && nowNanos - shownAtNanos < SHOW_EVERY_NANOS) {
            return;
        }
        shownBefore = true;
        shownAtNanos = nowNanos;
        for (TopicItem item : unshown) {
            item.show();
        }
        unshown.clear();
    }

    /** Takes a frame's changes and applies what the caps allow; returns how many were applied. */
    int apply(Map<String, TopicSnapshot> changes) {
        if (pending.isEmpty()) {
            // The usual frame: nothing left over, so no copy of the changes into the pending map (an
            // entry allocated per change, at 20k msg/s hundreds per frame, all garbage a frame later).
            return applyDirect(changes);
        }
        pending.putAll(changes);
        int[] budget = {MAX_APPLIED_PER_FRAME, MAX_CREATED_PER_FRAME};
        Iterator<TopicSnapshot> it = pending.values().iterator();
        while (it.hasNext() && budget[0] > 0) {
            if (applyOne(it.next(), budget)) {
                it.remove();
            }
        }
        return MAX_APPLIED_PER_FRAME - budget[0];
    }

    private int applyDirect(Map<String, TopicSnapshot> changes) {
        int[] budget = {MAX_APPLIED_PER_FRAME, MAX_CREATED_PER_FRAME};
        for (TopicSnapshot snapshot : changes.values()) {
            if (budget[0] == 0 || !applyOne(snapshot, budget)) {
                pending.put(snapshot.topic(), snapshot); // waits for the next frame, latest state only
            }
        }
        return MAX_APPLIED_PER_FRAME - budget[0];
    }

    // budget: {applies left, creations left}; false when the level must wait for a later frame.
    private boolean applyOne(TopicSnapshot snapshot, int[] budget) {
        TreeItem<TopicItem> item = items.get(snapshot.topic());
        if (item == null) {
            if (budget[1] <= 0) {
                return false; // updates of known levels still go through
            }
            int before = items.size();
            item = itemOrCreate(snapshot.topic());
            budget[1] -= items.size() - before;
        }
        if (item.getValue().update(snapshot)) {
            unshown.add(item.getValue());
        }
        budget[0]--;
        return true;
    }

    private TreeItem<TopicItem> itemOrCreate(String topic) {
        TreeItem<TopicItem> existing = items.get(topic);
        if (existing != null) {
            return existing;
        }
        int slash = Topics.treeParentEnd(topic);
        TreeItem<TopicItem> parent = slash < 0 ? root : itemOrCreate(topic.substring(0, slash));
        TreeItem<TopicItem> item = new TreeItem<>(new TopicItem(topic.substring(slash + 1), topic));
        if (items.size() < AUTO_EXPAND_BELOW) {
            item.setExpanded(true);
            openedAutomatically.add(item);
        }
        items.put(topic, item);
        insertSorted(parent.getChildren(), item);
        if (parent.getChildren().size() > AUTO_COLLAPSE_ABOVE && openedAutomatically.remove(parent)) {
            parent.setExpanded(false);
        }
        return item;
    }

    static void insertSorted(ObservableList<TreeItem<TopicItem>> children, TreeItem<TopicItem> item) {
        int at = Collections.binarySearch(children, item, ORDER);
        children.add(at < 0 ? -at - 1 : at, item);
    }

    /** Opens every level above {@code item}, so it can be shown and selected. */
    void expandAncestors(TreeItem<TopicItem> item) {
        for (TreeItem<TopicItem> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
            openedAutomatically.remove(p); // opened for the user now: stays open
        }
    }

    /**
     * A separate tree holding only {@code topics} and their ancestors, all open, sharing the live
     * {@link TopicItem}s so rows keep updating while a search is shown.
     */
    Filtered filtered(List<String> topics) {
        TreeItem<TopicItem> filteredRoot = new TreeItem<>(root.getValue());
        filteredRoot.setExpanded(true);
        Map<String, TreeItem<TopicItem>> copies = new HashMap<>();
        for (String topic : topics) {
            copyWithAncestors(topic, filteredRoot, copies);
        }
        return new Filtered(filteredRoot, copies);
    }

    /** A search's tree and its items by topic, to keep the selection when the search runs again. */
    record Filtered(TreeItem<TopicItem> root, Map<String, TreeItem<TopicItem>> items) {
    }

    private TreeItem<TopicItem> copyWithAncestors(String topic, TreeItem<TopicItem> filteredRoot,
                                                  Map<String, TreeItem<TopicItem>> copies) {
        TreeItem<TopicItem> copy = copies.get(topic);
        if (copy != null) {
            return copy;
        }
        TreeItem<TopicItem> original = items.get(topic);
        int slash = Topics.treeParentEnd(topic);
        TreeItem<TopicItem> parent = slash < 0 ? filteredRoot : copyWithAncestors(topic.substring(0, slash), filteredRoot, copies);
        copy = new TreeItem<>(original != null ? original.getValue() : new TopicItem(topic.substring(slash + 1), topic));
        copy.setExpanded(true);
        copies.put(topic, copy);
        insertSorted(parent.getChildren(), copy);
        return copy;
    }
}
