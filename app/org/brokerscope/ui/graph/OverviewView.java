package org.brokerscope.ui.graph;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.brokerscope.graph.BrokerFigures;
import org.brokerscope.ui.I18n;

/**
 * The broker overview as TilesFX tiles, sparklines for what moves. Tiles are updated once a second and
 * only while shown, with animation off: TilesFX costs a share of a core per update otherwise.
 */
public final class OverviewView {
    private static final double SIZE = 128;

    private final OverviewViewModel model;
    private final I18n i18n;
    private final ObservableBooleanValue showing;
    private Tile version;
    private Tile uptime;
    private Tile clients;
    private Tile messagesIn;
    private Tile messagesOut;
    private Tile bytesIn;
    private Tile bytesOut;
    private Tile retained;
    private Tile stored;
    private Tile subscriptions;

    @FXML private Label sourceLabel;
    @FXML private FlowPane tiles;

    /** @param showing whether the tiles can be seen; they are left alone while hidden */
    public OverviewView(OverviewViewModel model, I18n i18n, ObservableBooleanValue showing) {
        this.model = model;
        this.i18n = i18n;
        this.showing = showing;
    }

    @FXML
    private void initialize() {
        sourceLabel.textProperty().bind(model.sourceProperty());
        version = text("graph.overview.version");
        uptime = text("graph.overview.uptime");
        clients = spark("graph.overview.clients", "", 0);
        messagesIn = spark("graph.overview.messagesIn", "msg/s", 1);
        messagesOut = spark("graph.overview.messagesOut", "msg/s", 1);
        bytesIn = spark("graph.overview.bytesIn", "B/s", 0);
        bytesOut = spark("graph.overview.bytesOut", "B/s", 0);
        retained = number("graph.overview.retained");
        stored = number("graph.overview.stored");
        subscriptions = number("graph.overview.subscriptions");
        tiles.getChildren().addAll(version, uptime, clients, messagesIn, messagesOut, bytesIn, bytesOut, retained, stored,
                subscriptions);
        model.figuresProperty().addListener((obs, old, now) -> {
            if (showing.get()) {
                show(now);
            }
        });
        showing.addListener((obs, old, now) -> {
            if (now) {
                show(model.figuresProperty().get());
            }
        });
    }

    private void show(BrokerFigures f) {
        version.setDescription(f.version().orElse(i18n.text("graph.overview.notReported")));
        uptime.setDescription(f.uptimeSeconds().map(this::duration).orElse(i18n.text("graph.overview.notReported")));
        value(clients, f.clients().map(Long::doubleValue));
        value(messagesIn, f.messagesInPerSecond());
        value(messagesOut, f.messagesOutPerSecond());
        value(bytesIn, f.bytesInPerSecond());
        value(bytesOut, f.bytesOutPerSecond());
        value(retained, f.retained().map(Long::doubleValue));
        value(stored, f.stored().map(Long::doubleValue));
        value(subscriptions, f.subscriptions().map(Long::doubleValue));
    }

    private void value(Tile tile, Optional<Double> v) {
        tile.setDescription(v.isPresent() ? "" : i18n.text("graph.overview.notReported"));
        v.ifPresent(tile::setValue);
    }

    private String duration(long seconds) {
        return i18n.text("graph.overview.duration", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }

    private Tile text(String key) {
        return TileBuilder.create().skinType(Tile.SkinType.TEXT).prefSize(SIZE * 1.4, SIZE).title(i18n.text(key))
                .description("—").descriptionAlignment(javafx.geometry.Pos.CENTER).textVisible(true).animated(false).build();
    }

    private Tile spark(String key, String unit, int decimals) {
        return TileBuilder.create().skinType(Tile.SkinType.SPARK_LINE).prefSize(SIZE, SIZE).title(i18n.text(key))
                .unit(unit).decimals(decimals).averagingPeriod(60).animated(false).build();
    }

    private Tile number(String key) {
        return TileBuilder.create().skinType(Tile.SkinType.NUMBER).prefSize(SIZE, SIZE).title(i18n.text(key))
                .decimals(0).animated(false).build();
    }
}
