package org.brokerscope.ui.topics;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.brokerscope.mqtt.Subscription;

/** The subscriptions panel: the list with each one's state, and a form to add one with its options. */
public final class SubscriptionsView {
    private final SubscriptionsViewModel model;

    @FXML private ResourceBundle resources;
    @FXML private ListView<SubscriptionsViewModel.Row> list;
    @FXML private TextField filterField;
    @FXML private ChoiceBox<Integer> qosBox;
    @FXML private CheckBox noLocalBox;
    @FXML private CheckBox rapBox;
    @FXML private ChoiceBox<Integer> retainHandlingBox;
    @FXML private Button removeButton;
    @FXML private Label problemLabel;

    SubscriptionsView(SubscriptionsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        list.setItems(model.rows());
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SubscriptionsViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : describe(row));
            }
        });
        qosBox.getItems().addAll(0, 1, 2);
        qosBox.setValue(0);
        qosBox.setConverter(converter("subscriptions.qos"));
        retainHandlingBox.getItems().addAll(0, 1, 2);
        retainHandlingBox.setValue(0);
        retainHandlingBox.setConverter(converter("subscriptions.retainHandling"));
        removeButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        model.filterProblemProperty().addListener((obs, old, now) -> problemLabel.setText(
                now == null ? "" : resources.getString("subscriptions.problem." + now.name())));
        model.problemProperty().addListener((obs, old, now) -> problemLabel.setText(now));
    }

    private javafx.util.StringConverter<Integer> converter(String key) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : resources.getString(key + "." + n);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        };
    }

    private String describe(SubscriptionsViewModel.Row row) {
        Subscription s = row.subscription();
        StringBuilder text = new StringBuilder(s.filter()).append("   QoS ").append(s.qos());
        if (s.noLocal()) {
            text.append(" · ").append(resources.getString("subscriptions.noLocal"));
        }
        if (s.retainAsPublished()) {
            text.append(" · ").append(resources.getString("subscriptions.rap"));
        }
        if (s.retainHandling() != 0) {
            text.append(" · ").append(resources.getString("subscriptions.retainHandling." + s.retainHandling()));
        }
        text.append("   ").append(resources.getString("subscriptions.status." + row.status().name()));
        return row.detail().isEmpty() ? text.toString() : text + ": " + row.detail();
    }

    @FXML
    private void add() {
        Subscription s = new Subscription(filterField.getText().trim(), qosBox.getValue(), noLocalBox.isSelected(),
                rapBox.isSelected(), retainHandlingBox.getValue());
        if (model.add(s)) {
            filterField.clear();
        }
    }

    @FXML
    private void remove() {
        SubscriptionsViewModel.Row row = list.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.remove(row);
        }
    }
}
