package org.brokerscope.ui.rooms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.brokerscope.domain.rooms.MeasureKind;
import org.brokerscope.domain.rooms.RoomSnapshots;
import org.brokerscope.domain.rooms.SensorSnapshot;
import org.brokerscope.ui.I18n;

/** One room: a gauge per measure, the chart of its measures, and its sensors with their age. */
final class RoomCard extends VBox {
    private static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final int MAX_SENSOR_LINES = 6;
    private final String key;
    private final I18n i18n;
    private final Label info = new Label();
    private final FlowPane tiles = new FlowPane(6, 6);
    private final SeriesChart chart = new SeriesChart();
    private final VBox sensors = new VBox(1);
    private final Map<String, MeasureTile> tileByMeasure = new LinkedHashMap<>();
    private long tilesShownAt;
    private boolean presenter;
    private long chartShownAt;

    RoomCard(RoomSnapshots.Room room, I18n i18n, BiConsumer<String, Integer> onMove, Consumer<String> onHide) {
        this.key = room.key();
        this.i18n = i18n;
        getStyleClass().add("room-card");
        setUserData(key);
        Label name = new Label(room.name());
        name.getStyleClass().add("room-name");
        Label site = new Label(room.site());
        site.getStyleClass().add("room-site");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, name, site, spacer, button("◀", "move-earlier", "rooms.card.earlier", () -> onMove.accept(key, -1)),
                button("▶", "move-later", "rooms.card.later", () -> onMove.accept(key, 1)),
                button("✕", "hide-room", "rooms.card.hide", () -> onHide.accept(key)));
        header.setAlignment(Pos.CENTER_LEFT);
        info.getStyleClass().add("room-info");
        chart.setPrefHeight(110);
        getChildren().addAll(header, info, tiles, chart, sensors);
    }

    String key() {
        return key;
    }

    Map<String, MeasureTile> tiles() {
        return tileByMeasure;
    }

    /** Updates text every call; tiles and chart only when their time has come, so they cost little. */
    void update(RoomSnapshots.Room room, long nowMillis, ChartWindow window, long tileEveryMillis, boolean chartForced) {
        for (RoomSnapshots.Measure m : room.measures()) {
            if (!tileByMeasure.containsKey(m.kind().id())) {
                MeasureTile tile = new MeasureTile(m.kind(), i18n);
                tile.setPresenter(presenter);
                tileByMeasure.put(m.kind().id(), tile);
                tiles.getChildren().add(tile);
                tilesShownAt = 0;
            }
        }
        fitWidth();
        pseudoClassStateChanged(ALARM, room.alarm());
        pseudoClassStateChanged(STALE, room.staleCount() > 0);
        if (nowMillis - tilesShownAt >= tileEveryMillis) {
            tilesShownAt = nowMillis;
            showInfo(room, nowMillis);
            room.measures().forEach(m -> tileByMeasure.get(m.kind().id()).update(m));
            showSensors(room, nowMillis);
        }
        if (chartForced || nowMillis - chartShownAt >= window.redrawMillis()) {
            chartShownAt = nowMillis;
            chart.show(room.measures(), nowMillis, window.span().toMillis(), i18n.text("rooms.chart.start." + window.name()),
                    i18n.text("rooms.chart.now"), kind -> measureName(kind, i18n));
        }
    }

    /** The projector's look: larger gauges and chart labels; the card's own colours come from CSS. */
    void setPresenter(boolean on) {
        presenter = on;
        tileByMeasure.values().forEach(t -> t.setPresenter(on));
        chart.setStyle(on ? SeriesChart.Style.PRESENTER : SeriesChart.Style.DESK);
        chart.setPrefHeight(on ? 170 : 110);
        fitWidth();
    }

    SeriesChart chart() {
        return chart;
    }

    private void fitWidth() {
        double size = presenter ? MeasureTile.PRESENTER_SIZE : MeasureTile.SIZE;
        double tilesWidth = Math.max(2, tileByMeasure.size()) * (size + 12);
        tiles.setPrefWrapLength(tilesWidth);
        setPrefWidth(tilesWidth + 16);
    }

    private void showInfo(RoomSnapshots.Room room, long nowMillis) {
        long age = room.lastMillis() == 0 ? 0 : Math.max(0, nowMillis - room.lastMillis());
        String text = i18n.text("rooms.card.info", room.sensorCount(), age / 1000.0);
        if (room.unreadable() > 0) {
            text += " · " + i18n.text("rooms.card.unreadable", room.unreadable());
        }
        info.setText(text);
    }

    // Labels are reused and only their text and state change: new nodes every update cost CSS and layout.
    private void showSensors(RoomSnapshots.Room room, long nowMillis) {
        List<SensorSnapshot> all = room.measures().stream().flatMap(m -> m.sensors().stream()).toList();
        int lines = Math.min(all.size(), MAX_SENSOR_LINES) + (all.size() > MAX_SENSOR_LINES ? 1 : 0);
        while (sensors.getChildren().size() < lines) {
            Label line = new Label();
            line.getStyleClass().add("room-sensor");
            sensors.getChildren().add(line);
        }
        sensors.getChildren().remove(lines, sensors.getChildren().size());
        for (int i = 0; i < Math.min(all.size(), MAX_SENSOR_LINES); i++) {
            SensorSnapshot s = all.get(i);
            double seconds = s.ageMillis(nowMillis) / 1000.0;
            Label line = (Label) sensors.getChildren().get(i);
            line.setText(s.stale() ? i18n.text("rooms.sensor.stale", s.source(), seconds)
                    : i18n.text("rooms.sensor.live", s.source(), seconds));
            line.pseudoClassStateChanged(STALE, s.stale());
        }
        if (all.size() > MAX_SENSOR_LINES) {
            ((Label) sensors.getChildren().get(lines - 1)).setText(i18n.text("rooms.sensor.more", all.size() - MAX_SENSOR_LINES));
        }
    }

    private Button button(String text, String styleClass, String tooltipKey, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().addAll("room-card-button", styleClass);
        b.setTooltip(new Tooltip(i18n.text(tooltipKey)));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    static String measureName(MeasureKind kind, I18n i18n) {
        return kind.known() ? i18n.text("rooms.measure." + kind.id()) : kind.id();
    }
}
