package org.brokerscope.ui.topics;

import java.util.Locale;
import java.util.function.BiFunction;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.PayloadPreview;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.ui.I18n;

/**
 * Cells and rows of the topic tree. Every column renders from the row's one snapshot property, so only
 * cells on screen listen and compute text; the age column and the activity flash follow the view
 * model's clocks (once a second for ages and rates, four times for the flash).
 */
final class TopicCells {
    static final long FLASH_MILLIS = 600;
    private static final int PREVIEW_CHARS = 60;
    static final int MAX_CELL_CHARS = 200;
    private static final PseudoClass FLASH = PseudoClass.getPseudoClass("flash");
    private static final PseudoClass RETAINED = PseudoClass.getPseudoClass("retained");
    private static final PseudoClass SYSTEM = PseudoClass.getPseudoClass("sys");

    private TopicCells() {
    }

    static void install(TopicsViewModel model, TreeTableColumn<TopicItem, TopicItem> name,
                        TreeTableColumn<TopicItem, TopicSnapshot> value, TreeTableColumn<TopicItem, TopicSnapshot> count,
                        TreeTableColumn<TopicItem, TopicSnapshot> rate, TreeTableColumn<TopicItem, TopicSnapshot> age,
                        TreeTableColumn<TopicItem, TopicSnapshot> retained, TreeTableColumn<TopicItem, TopicSnapshot> qos) {
        I18n i18n = model.i18n();
        name.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue()));
        name.setCellFactory(c -> nameCell(i18n));
        for (TreeTableColumn<TopicItem, TopicSnapshot> c : java.util.List.of(value, count, rate, age, retained, qos)) {
            c.setCellValueFactory(f -> f.getValue().getValue().stateProperty());
        }
        ReadOnlyLongProperty clock = model.slowClockProperty();
        value.setCellFactory(c -> cell((s, now) -> s.lastMessage().map(m -> preview(i18n, m, PREVIEW_CHARS)).orElse(""), null));
        count.setCellFactory(c -> cell((s, now) -> String.format(Locale.ROOT, "%,d", s.hasDescendants()
                ? s.subtreeMessageCount() : s.messageCount()), null));
        rate.setCellFactory(c -> cell((s, now) -> rate(s.hasDescendants() ? s.subtreeRateAt(System.nanoTime())
                : s.rateAt(System.nanoTime())), clock));
        age.setCellFactory(c -> cell((s, now) -> age(s.subtreeLastMillis(), now), clock));
        retained.setCellFactory(c -> cell((s, now) -> s.holdsRetained() ? "R" : "", null));
        qos.setCellFactory(c -> cell((s, now) -> s.lastMessage().map(m -> String.valueOf(m.qos())).orElse(""), null));
    }

    /**
     * A name or topic cut for a cell, its full length said: laying out a 65,535-character label costs the
     * FX thread about a second on a software pipeline, and nobody reads past the first line anyway.
     */
    static String shortened(I18n i18n, String text) {
        return text.length() <= MAX_CELL_CHARS ? text
                : i18n.text("topics.longName", text.substring(0, MAX_CELL_CHARS), text.length());
    }

    // The level's name, and a marker with a tooltip on aggregates the rooms view republishes, so nobody
    // takes an average for a sensor. The marker is made once per cell and only shown or hidden.
    private static TreeTableCell<TopicItem, TopicItem> nameCell(I18n i18n) {
        Label marker = new Label(i18n.text("topics.aggregate.marker"));
        marker.getStyleClass().add("aggregate-marker");
        marker.setTooltip(new Tooltip(i18n.text("topics.aggregate.tooltip")));
        TreeTableCell<TopicItem, TopicItem> cell = new TreeTableCell<>() {
            @Override
            protected void updateItem(TopicItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name().isEmpty() ? i18n.text("topics.emptyLevel")
                        : shortened(i18n, item.name()));
                setGraphic(!empty && item != null && item.isAggregate() ? marker : null);
            }
        };
        cell.setContentDisplay(ContentDisplay.RIGHT);
        cell.setGraphicTextGap(6);
        return cell;
    }

    /** One line for lists: the text cut to {@code chars}, or a word for empty and binary payloads. */
    static String preview(I18n i18n, Message m, int chars) {
        PayloadPreview.Preview p = PayloadPreview.of(m.payload(), chars);
        return switch (p.kind()) {
            case EMPTY -> i18n.text("payload.empty");
            case TEXT -> p.text();
            case BINARY -> i18n.text("payload.binary", p.sizeBytes());
        };
    }

    static String rate(double perSecond) {
        return perSecond < 0.05 ? "0" : perSecond < 10 ? String.format(Locale.ROOT, "%.1f", perSecond)
                : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String age(long lastMillis, long nowMillis) {
        if (lastMillis == 0) {
            return "";
        }
        long s = Math.max(0, (nowMillis - lastMillis) / 1000);
        return s < 60 ? s + " s" : s < 3600 ? s / 60 + " min" : s / 3600 + " h";
    }

    /** A cell rendering a snapshot with {@code text}; with a {@code clock}, it re-renders as time passes. */
    private static TreeTableCell<TopicItem, TopicSnapshot> cell(BiFunction<TopicSnapshot, Long, String> text,
                                                                ReadOnlyLongProperty clock) {
        return new TreeTableCell<>() {
            private final InvalidationListener tick = obs -> refresh();
            {
                if (clock != null) {
                    clock.addListener(new WeakInvalidationListener(tick));
                }
            }

            @Override
            protected void updateItem(TopicSnapshot s, boolean empty) {
                super.updateItem(s, empty);
                refresh();
            }

            private void refresh() {
                TopicSnapshot s = getItem();
                setText(isEmpty() || s == null ? null : text.apply(s, clock == null ? 0L : clock.get()));
            }
        };
    }

    /** Rows flash for a moment when their topic changes, and carry :retained and :sys for the style sheet. */
    static TreeTableRow<TopicItem> row(ReadOnlyLongProperty clock) {
        return new TreeTableRow<>() {
            private final ChangeListener<TopicSnapshot> changed = (obs, old, now) -> flash();
            private final InvalidationListener tick = obs -> fade();
            private TopicItem watched;
            private long flashUntil;
            {
                clock.addListener(new WeakInvalidationListener(tick));
            }

            @Override
            protected void updateItem(TopicItem item, boolean empty) {
                super.updateItem(item, empty);
                TopicItem now = empty ? null : item;
                // Every layout of the tree calls this again for the same item; a flash must survive that.
                if (now != watched) {
                    if (watched != null) {
                        watched.stateProperty().removeListener(changed);
                    }
                    watched = now;
                    if (watched != null) {
                        watched.stateProperty().addListener(changed);
                    }
                    flashUntil = 0;
                    pseudoClassStateChanged(FLASH, false);
                }
                TopicSnapshot s = watched == null ? null : watched.state();
                pseudoClassStateChanged(RETAINED, s != null && s.holdsRetained());
                pseudoClassStateChanged(SYSTEM, watched != null && watched.isSystem());
            }

            private void flash() {
                flashUntil = System.currentTimeMillis() + FLASH_MILLIS;
                pseudoClassStateChanged(FLASH, true);
                TopicSnapshot s = watched == null ? null : watched.state();
                pseudoClassStateChanged(RETAINED, s != null && s.holdsRetained());
            }

            private void fade() {
                if (flashUntil != 0 && clock.get() >= flashUntil) {
                    flashUntil = 0;
                    pseudoClassStateChanged(FLASH, false);
                }
            }
        };
    }
}
