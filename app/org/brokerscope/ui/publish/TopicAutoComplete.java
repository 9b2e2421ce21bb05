package org.brokerscope.ui.publish;

import java.util.List;
import java.util.function.Function;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * Suggests live topics under the topic field as the user types. A plain context menu: ControlsFX's
 * {@code TextFields.bindAutoCompletion} fails on JavaFX 21 from the class path with an IllegalAccessError
 * (it needs {@code --add-exports javafx.base/com.sun.javafx.event}), which we would have to add to every launcher.
 */
final class TopicAutoComplete {
    private final TextField field;
    private final Function<String, List<String>> suggestions;
    private final ContextMenu popup = new ContextMenu();
    private boolean choosing;

    private TopicAutoComplete(TextField field, Function<String, List<String>> suggestions) {
        this.field = field;
        this.suggestions = suggestions;
        popup.getStyleClass().add("topic-suggestions");
    }

    static void attach(TextField field, Function<String, List<String>> suggestions) {
        TopicAutoComplete complete = new TopicAutoComplete(field, suggestions);
        field.textProperty().addListener((obs, old, now) -> complete.typed(now));
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                complete.popup.hide();
            }
        });
    }

    private void typed(String text) {
        if (choosing || !field.isFocused()) {
            return;
        }
        List<String> found = suggestions.apply(text);
        if (found.isEmpty()) {
            popup.hide();
            return;
        }
        popup.getItems().setAll(found.stream().map(this::item).toList());
        if (!popup.isShowing() && field.getScene() != null) {
            popup.show(field, Side.BOTTOM, 0, 0);
        }
    }

    private CustomMenuItem item(String topic) {
        CustomMenuItem item = new CustomMenuItem(new Label(topic), true);
        item.setOnAction(e -> {
            choosing = true;
            field.setText(topic);
            field.positionCaret(topic.length());
            choosing = false;
            popup.hide();
        });
        return item;
    }
}
