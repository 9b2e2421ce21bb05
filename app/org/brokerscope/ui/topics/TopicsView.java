package org.brokerscope.ui.topics;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The Topics view: for now, a live table of each topic's latest value. */
public final class TopicsView {
    private final TopicsViewModel model;

    @FXML private TableView<TopicRow> table;
    @FXML private TableColumn<TopicRow, String> topicColumn;
    @FXML private TableColumn<TopicRow, String> valueColumn;
    @FXML private TableColumn<TopicRow, Number> countColumn;
    @FXML private TableColumn<TopicRow, String> retainedColumn;
    @FXML private TableColumn<TopicRow, String> receivedColumn;
    @FXML private Label waitingLabel;

    public TopicsView(TopicsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        table.setItems(model.rows());
        topicColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().topic()));
        valueColumn.setCellValueFactory(c -> c.getValue().valueProperty());
        countColumn.setCellValueFactory(c -> c.getValue().countProperty());
        retainedColumn.setCellValueFactory(c -> Bindings.when(c.getValue().retainedProperty()).then("R").otherwise(""));
        receivedColumn.setCellValueFactory(c -> c.getValue().receivedProperty());
        waitingLabel.visibleProperty().bind(model.emptyProperty());
        waitingLabel.managedProperty().bind(model.emptyProperty());
    }
}
