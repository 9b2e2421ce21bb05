package org.brokerscope.ui.rooms;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.brokerscope.domain.rooms.AlertRule;
import org.brokerscope.domain.rooms.MeasureKind;
import org.brokerscope.domain.rooms.RoomSnapshots;
import org.brokerscope.domain.rooms.WindowStats;
import org.brokerscope.ui.I18n;

/**
 * A TilesFX gauge for one measure of a room, in a frame that carries the {@code :alarm} and
 * {@code :stale} pseudo-classes. Animation is off: values arrive a few times a second from the pump.
 */
final class MeasureTile extends VBox {
    static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final Color ALARM_BACKGROUND = Color.web("#8e1b1b");
    static final double SIZE = 120;
    /** Projected, a gauge must be read from the back of a classroom. */
    static final double PRESENTER_SIZE = 190;
    private static final Color PRESENTER_BACKGROUND = Color.BLACK;
    private static final Color PRESENTER_BAR = Color.web("#ffd43b");
    private final Tile tile;
    // The GAUGE skin draws no text line: the window's min and max go in a label under it.
    private final Label minMax = new Label();
    private final I18n i18n;
    private final String title;
    private boolean alarm;
    private boolean presenter;
    // The tile's own colours, put back when the presenter theme goes off.
    private final Color deskText;
    private final Color deskBar;
    private double shown = Double.NaN;

    MeasureTile(MeasureKind kind, I18n i18n) {
        this.i18n = i18n;
        this.title = RoomCard.measureName(kind, i18n);
        tile = TileBuilder.create().skinType(Tile.SkinType.GAUGE).prefSize(SIZE, SIZE)
                .title(title).unit(kind.unit()).decimals(kind.decimals())
                .minValue(kind.gaugeMin()).maxValue(kind.gaugeMax()).animated(false).build();
        deskText = tile.getValueColor();
        deskBar = tile.getBarColor();
        getStyleClass().add("room-tile");
        minMax.getStyleClass().add("room-tile-minmax");
        getChildren().addAll(tile, minMax);
    }

    Tile tile() {
        return tile;
    }

    boolean isAlarm() {
        return alarm;
    }

    void update(RoomSnapshots.Measure m) {
        MeasureKind kind = m.kind();
        if (!Double.isNaN(m.current()) && m.current() != shown) {
            shown = m.current();
            // The gauge grows to show a value outside the kind's usual range rather than pinning it.
            if (shown < tile.getMinValue()) {
                tile.setMinValue(Math.floor(shown));
            }
            if (shown > tile.getMaxValue()) {
                tile.setMaxValue(Math.ceil(shown));
            }
            tile.setValue(shown);
        }
        WindowStats w = m.window();
        String fmt = "%." + kind.decimals() + "f";
        minMax.setText(w.isEmpty() ? "" : i18n.text("rooms.tile.minMax", String.format(fmt, w.min()), String.format(fmt, w.max())));
        m.rule().filter(r -> r.kind() == AlertRule.Kind.ABOVE || r.kind() == AlertRule.Kind.OUTSIDE).ifPresentOrElse(r -> {
            tile.setThreshold(r.high());
            tile.setThresholdVisible(true);
        }, () -> tile.setThresholdVisible(false));
        setAlarm(m.alarm());
        pseudoClassStateChanged(STALE, m.stale());
        tile.setTitle(m.stale() ? title + " ⚠" : title);
    }

    boolean isPresenter() {
        return presenter;
    }

    /**
     * Switches to the projector's look. TilesFX tiles take their colours through their API, not from CSS,
     * so the theme sets them here: white text on black, a bright bar, and a larger gauge.
     */
    void setPresenter(boolean on) {
        if (on == presenter) {
            return;
        }
        presenter = on;
        double size = on ? PRESENTER_SIZE : SIZE;
        tile.setPrefSize(size, size);
        Color text = on ? Color.WHITE : deskText;
        tile.setForegroundBaseColor(text);
        tile.setTitleColor(text);
        tile.setValueColor(text);
        tile.setUnitColor(text);
        tile.setBarColor(on ? PRESENTER_BAR : deskBar);
        tile.setNeedleColor(text);
        tile.setBackgroundColor(background());
    }

    private void setAlarm(boolean on) {
        if (on == alarm) {
            return;
        }
        alarm = on;
        pseudoClassStateChanged(ALARM, on);
        tile.setBackgroundColor(background());
    }

    private Color background() {
        return alarm ? ALARM_BACKGROUND : presenter ? PRESENTER_BACKGROUND : Tile.BACKGROUND;
    }
}
