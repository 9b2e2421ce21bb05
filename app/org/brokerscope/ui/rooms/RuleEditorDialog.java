package org.brokerscope.ui.rooms;

import java.util.Optional;
import java.util.function.Function;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A plain-text editor for rules, one a line, with examples beside it. OK applies the text; a wrong
 * line keeps the dialog open and says which line and why.
 */
final class RuleEditorDialog {
    private RuleEditorDialog() {
    }

    static void show(Window owner, String title, String help, String examples, String text,
                     Function<String, Optional<String>> apply) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setResizable(true);
        TextArea area = new TextArea(text);
        area.setPrefRowCount(8);
        area.setPrefColumnCount(50);
        area.setId("rule-editor-text");
        Label helpLabel = new Label(help);
        helpLabel.setWrapText(true);
        Label examplesLabel = new Label(examples);
        examplesLabel.getStyleClass().add("view-hint");
        examplesLabel.setStyle("-fx-font-family: monospace;");
        Label error = new Label();
        error.setId("rule-editor-error");
        error.setStyle("-fx-text-fill: #c62828;");
        error.setWrapText(true);
        VBox content = new VBox(8, helpLabel, area, examplesLabel, error);
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            Optional<String> problem = apply.apply(area.getText());
            if (problem.isPresent()) {
                error.setText(problem.get());
                e.consume();
            }
        });
        dialog.show();
    }
}
