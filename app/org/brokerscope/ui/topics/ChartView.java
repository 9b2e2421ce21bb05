package org.brokerscope.ui.topics;

import java.io.File;
import java.io.IOException;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.PayloadText;

/** The chart tab: pick the selected topic (or one of its numeric JSON fields), draw, export. */
public final class ChartView {
    private final ChartViewModel model;
    private final InspectorViewModel inspector;
    private final ChartCanvas canvas = new ChartCanvas();
    private final JsonPayload json = new JsonPayload();
    private final org.brokerscope.ui.I18n i18n;

    @FXML private ComboBox<String> fieldBox;
    @FXML private Button addButton;
    @FXML private FlowPane legend;
    @FXML private Label chartNote;
    @FXML private StackPane canvasHolder;

    ChartView(ChartViewModel model, InspectorViewModel inspector, org.brokerscope.ui.I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.inspector = inspector;
    }

    @FXML
    private void initialize() {
        canvasHolder.getChildren().add(canvas);
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        model.versionProperty().addListener(o -> redraw());
        model.series().addListener((ListChangeListener<ChartSeries>) c -> rebuildLegend());
        inspector.messageProperty().addListener((obs, old, now) -> refreshFields(now));
        addButton.disableProperty().bind(inspector.itemProperty().isNull());
    }

    private void refreshFields(Message m) {
        String chosen = fieldBox.getValue();
        fieldBox.getItems().clear();
        if (m == null) {
            return;
        }
        if (PayloadText.number(m.payload()).isPresent()) {
            fieldBox.getItems().add("");
        } else {
            JsonPayload.Parsed parsed = json.parse(m.payload());
            if (parsed.ok()) {
                fieldBox.getItems().addAll(JsonPayload.numericFields(parsed.node()));
            }
        }
        fieldBox.setValue(fieldBox.getItems().contains(chosen) ? chosen : fieldBox.getItems().isEmpty() ? null : fieldBox.getItems().get(0));
    }

    // Called at most once per frame (the model's version moves with the FX pump): the legend's counts
    // follow the points drawn, without rebuilding its labels.
    private void redraw() {
        canvas.draw(model.series());
        for (int i = 0; i < legend.getChildren().size() && i < model.series().size(); i++) {
            Label label = (Label) legend.getChildren().get(i);
            String text = legendText(model.series().get(i));
            if (!text.equals(label.getText())) {
                label.setText(text);
            }
        }
        long dropped = model.series().stream().mapToLong(ChartSeries::dropped).sum();
        chartNote.setText(dropped == 0 ? "" : i18n.text("chart.dropped", dropped));
    }

    private void rebuildLegend() {
        legend.getChildren().clear();
        for (int i = 0; i < model.series().size(); i++) {
            ChartSeries s = model.series().get(i);
            Label label = new Label(legendText(s), new Rectangle(12, 4, ChartCanvas.color(i)));
            label.setOnMouseClicked(e -> model.remove(s));
            legend.getChildren().add(label);
        }
        redraw();
    }

    private static String legendText(ChartSeries s) {
        return s.label() + " (" + s.size() + ")";
    }

    @FXML
    private void addSelected() {
        TopicItem item = inspector.itemProperty().get();
        if (item == null) {
            return;
        }
        String field = fieldBox.getValue();
        if (field == null) {
            model.add(item.topic());
        } else {
            model.add(item.topic(), field);
        }
    }

    @FXML
    private void clear() {
        model.clear();
    }

    @FXML
    private void exportCsv() {
        File file = choose("chart.csv", "*.csv");
        if (file != null) {
            try {
                model.exportCsv(file.toPath());
            } catch (IOException e) {
                chartNote.setText(e.getMessage());
            }
        }
    }

    @FXML
    private void exportPng() {
        File file = choose("chart.png", "*.png");
        if (file != null) {
            try {
                PngFiles.write(canvas.snapshot(null, null), file.toPath());
            } catch (IOException e) {
                chartNote.setText(e.getMessage());
            }
        }
    }

    private File choose(String name, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        return chooser.showSaveDialog(canvas.getScene().getWindow());
    }
}
