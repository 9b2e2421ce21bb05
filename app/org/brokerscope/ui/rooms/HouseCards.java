package org.brokerscope.ui.rooms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.brokerscope.domain.rooms.RoomSnapshots;
import org.brokerscope.ui.I18n;

/** The house card: per site and measure, the whole-house average and the coolest and warmest rooms. */
final class HouseCards {
    private final Pane box;
    private final I18n i18n;
    private final Map<String, Label[]> labels = new HashMap<>();

    HouseCards(Pane box, I18n i18n) {
        this.box = box;
        this.i18n = i18n;
    }

    void show(List<RoomSnapshots.House> house) {
        if (labels.size() != house.size() || !house.stream().allMatch(h -> labels.containsKey(key(h)))) {
            labels.clear();
            box.getChildren().clear();
            house.forEach(h -> box.getChildren().add(card(h)));
        }
        for (RoomSnapshots.House h : house) {
            Label[] l = labels.get(key(h));
            String fmt = "%." + h.kind().decimals() + "f";
            l[1].setText(String.format(fmt, h.average()) + " " + h.kind().unit());
            l[2].setText(i18n.text("rooms.house.detail", h.rooms(), h.minRoom(), String.format(fmt, h.min()),
                    h.maxRoom(), String.format(fmt, h.max())));
        }
    }

    private VBox card(RoomSnapshots.House h) {
        String site = h.site().isEmpty() ? i18n.text("rooms.house.noSite") : h.site();
        Label title = new Label(i18n.text("rooms.house.title", site, RoomCard.measureName(h.kind(), i18n)));
        title.getStyleClass().add("house-title");
        Label value = new Label();
        value.getStyleClass().add("house-value");
        Label detail = new Label();
        detail.getStyleClass().add("house-detail");
        labels.put(key(h), new Label[] {title, value, detail});
        VBox card = new VBox(title, value, detail);
        card.getStyleClass().add("house-card");
        return card;
    }

    private static String key(RoomSnapshots.House h) {
        return h.site() + "\u0000" + h.kind().id();
    }
}
