package org.brokerscope.ui.publish;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import org.brokerscope.domain.PayloadFormat;
import org.brokerscope.ui.I18n;
import org.brokerscope.ui.ReadOnlyConverter;

/** The Publish view's controller: binds the form to {@link PublishViewModel} and forwards the user's actions. */
public final class PublishView {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final PublishViewModel model;
    private final I18n i18n;

    @FXML private Label protocolLabel;
    @FXML private TextField topicField;
    @FXML private Label topicMessage;
    @FXML private ComboBox<PayloadFormat> formatBox;
    @FXML private Button prettyButton;
    @FXML private Button minifyButton;
    @FXML private Button fileButton;
    @FXML private CheckBox variablesBox;
    @FXML private TextArea payloadArea;
    @FXML private Label fileLabel;
    @FXML private Label payloadMessage;
    @FXML private Label payloadSize;
    @FXML private ToggleGroup qosGroup;
    @FXML private RadioButton qos0;
    @FXML private RadioButton qos1;
    @FXML private RadioButton qos2;
    @FXML private Label qosExplanation;
    @FXML private CheckBox retainBox;
    @FXML private TitledPane propertiesPane;
    @FXML private Label propertiesNote;
    @FXML private GridPane propertiesGrid;
    @FXML private TextField expiryField;
    @FXML private TextField contentTypeField;
    @FXML private CheckBox utf8Box;
    @FXML private TextField responseTopicField;
    @FXML private TextField correlationField;
    @FXML private Label aliasLabel;
    @FXML private Button addPropertyButton;
    @FXML private Button removePropertyButton;
    @FXML private TableView<UserPropertyRow> userPropertiesTable;
    @FXML private TableColumn<UserPropertyRow, String> keyColumn;
    @FXML private TableColumn<UserPropertyRow, String> valueColumn;
    @FXML private Label propertiesMessage;
    @FXML private Button sendButton;
    @FXML private Button requestButton;
    @FXML private Label replyLabel;
    @FXML private TextField intervalField;
    @FXML private TextField countField;
    @FXML private Button repeatButton;
    @FXML private Label repeatLabel;
    @FXML private Label resultLabel;
    @FXML private Label queueLabel;
    @FXML private ListView<String> queueList;
    @FXML private TableView<HistoryEntry> historyTable;
    @FXML private TableColumn<HistoryEntry, String> timeColumn;
    @FXML private TableColumn<HistoryEntry, String> historyTopicColumn;
    @FXML private TableColumn<HistoryEntry, Number> sizeColumn;
    @FXML private TableColumn<HistoryEntry, String> qosColumn;
    @FXML private TableColumn<HistoryEntry, String> resultColumn;
    @FXML private Button resendButton;
    @FXML private Button editButton;
    @FXML private ComboBox<String> templateBox;
    @FXML private Label templateLabel;

    public PublishView(PublishViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        PublishForm form = model.form();
        topicField.textProperty().bindBidirectional(form.topicProperty());
        TopicAutoComplete.attach(topicField, model::topicSuggestions);
        topicMessage.textProperty().bind(model.topicMessageProperty());
        model.topicInvalidProperty().addListener((o, was, is) -> topicState());
        model.topicReservedProperty().addListener((o, was, is) -> topicState());
        topicState();
        bindPayload(form);
        bindQos(form);
        retainBox.selectedProperty().bindBidirectional(form.retainedProperty());
        bindProperties(form);
        bindSending();
        bindSide();
    }

    private void topicState() {
        topicField.pseudoClassStateChanged(ERROR, model.topicInvalidProperty().get());
        topicMessage.pseudoClassStateChanged(ERROR, model.topicInvalidProperty().get());
        topicMessage.pseudoClassStateChanged(WARNING, model.topicReservedProperty().get());
    }

    private void bindPayload(PublishForm form) {
        formatBox.getItems().setAll(PayloadFormat.values());
        formatBox.setConverter(ReadOnlyConverter.of(f -> i18n.text("publish.format." + f.name())));
        formatBox.valueProperty().bindBidirectional(form.formatProperty());
        payloadArea.textProperty().bindBidirectional(form.payloadTextProperty());
        variablesBox.selectedProperty().bindBidirectional(form.expandVariablesProperty());
        var isJson = form.formatProperty().isEqualTo(PayloadFormat.JSON);
        var isFile = form.formatProperty().isEqualTo(PayloadFormat.FILE);
        show(prettyButton, isJson);
        show(minifyButton, isJson);
        show(fileButton, isFile);
        show(fileLabel, isFile);
        payloadArea.disableProperty().bind(isFile);
        variablesBox.disableProperty().bind(isFile);
        fileLabel.textProperty().bind(model.payloadFile().infoProperty());
        payloadMessage.textProperty().bind(model.payloadMessageProperty());
        payloadSize.textProperty().bind(model.payloadSizeProperty());
    }

    private void bindQos(PublishForm form) {
        RadioButton[] buttons = {qos0, qos1, qos2};
        for (int i = 0; i < buttons.length; i++) {
            buttons[i].setUserData(i);
        }
        buttons[form.qosProperty().get()].setSelected(true);
        qosGroup.selectedToggleProperty().addListener((o, old, now) -> {
            if (now != null) {
                form.qosProperty().set((Integer) now.getUserData());
            }
        });
        form.qosProperty().addListener((o, old, now) -> selectQos(buttons[now.intValue()]));
        qosExplanation.textProperty().bind(Bindings.createStringBinding(
                () -> model.qosExplanation(form.qosProperty().get()), form.qosProperty()));
    }

    private void selectQos(Toggle toggle) {
        if (qosGroup.getSelectedToggle() != toggle) {
            qosGroup.selectToggle(toggle);
        }
    }

    private void bindProperties(PublishForm form) {
        expiryField.textProperty().bindBidirectional(form.messageExpiryProperty());
        contentTypeField.textProperty().bindBidirectional(form.contentTypeProperty());
        utf8Box.selectedProperty().bindBidirectional(form.payloadUtf8Property());
        responseTopicField.textProperty().bindBidirectional(form.responseTopicProperty());
        correlationField.textProperty().bindBidirectional(form.correlationDataProperty());
        userPropertiesTable.setItems(form.userProperties());
        keyColumn.setCellValueFactory(c -> c.getValue().keyProperty());
        valueColumn.setCellValueFactory(c -> c.getValue().valueProperty());
        keyColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        valueColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        var v311 = model.connection().mqtt5Property().not();
        // Greyed, not hidden, on 3.1.1: the note above the grid says why.
        propertiesGrid.disableProperty().bind(v311);
        userPropertiesTable.disableProperty().bind(v311);
        addPropertyButton.disableProperty().bind(v311);
        removePropertyButton.disableProperty().bind(v311);
        propertiesNote.textProperty().bind(Bindings.when(v311).then(i18n.text("publish.properties.greyed"))
                .otherwise(i18n.text("publish.properties.explain")));
        aliasLabel.textProperty().bind(model.connection().topicAliasNoteProperty());
        propertiesMessage.textProperty().bind(model.propertiesMessageProperty());
    }

    private void bindSending() {
        sendButton.disableProperty().bind(model.sendDisabledProperty());
        requestButton.disableProperty().bind(model.sendDisabledProperty().or(model.requestReply().waitingProperty())
                .or(model.connection().mqtt5Property().not()));
        replyLabel.textProperty().bind(model.requestReply().statusProperty());
        RepeatModel repeat = model.repeat();
        intervalField.textProperty().bindBidirectional(repeat.intervalMillisProperty());
        countField.textProperty().bindBidirectional(repeat.countProperty());
        repeatButton.textProperty().bind(Bindings.when(repeat.runningProperty())
                .then(i18n.text("publish.repeat.stop")).otherwise(i18n.text("publish.repeat.start")));
        repeatButton.disableProperty().bind(repeat.runningProperty().not().and(model.sendDisabledProperty()));
        repeatLabel.textProperty().bind(repeat.statusProperty());
    }

    private void bindSide() {
        protocolLabel.textProperty().bind(model.connection().protocolNoteProperty());
        resultLabel.textProperty().bind(model.resultProperty());
        show(resultLabel, model.resultProperty().isNotEmpty());
        model.resultFailedProperty().addListener((o, was, is) -> resultLabel.pseudoClassStateChanged(ERROR, is));
        queueLabel.textProperty().bind(model.connection().queueTextProperty());
        queueList.setItems(model.connection().queued());
        show(queueList, Bindings.isNotEmpty(model.connection().queued()));
        historyTable.setItems(model.history());
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().time()));
        historyTopicColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().topic()));
        sizeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        qosColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().qos()
                + (c.getValue().retained() ? " R" : "")));
        resultColumn.setCellValueFactory(c -> c.getValue().resultProperty());
        historyTable.setRowFactory(table -> new HistoryCells.Row());
        resultColumn.setCellFactory(column -> new HistoryCells.Result());
        var noSelection = historyTable.getSelectionModel().selectedItemProperty().isNull();
        resendButton.disableProperty().bind(noSelection);
        editButton.disableProperty().bind(noSelection);
        templateBox.setItems(model.templates().names());
        templateBox.getEditor().textProperty().bindBidirectional(model.templates().nameProperty());
        templateLabel.textProperty().bind(model.templates().statusProperty());
    }

    @FXML
    private void send() {
        model.send();
    }

    @FXML
    private void sendAndAwait() {
        model.requestReply().sendAndAwait();
    }

    @FXML
    private void toggleRepeat() {
        if (model.repeat().runningProperty().get()) {
            model.repeat().stop();
        } else {
            model.repeat().start();
        }
    }

    @FXML
    private void prettyPrint() {
        model.prettyPrintJson();
    }

    @FXML
    private void minify() {
        model.minifyJson();
    }

    @FXML
    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("publish.file.choose"));
        File file = chooser.showOpenDialog(fileButton.getScene().getWindow());
        if (file != null) {
            model.form().fileProperty().set(file.getAbsolutePath());
        }
    }

    @FXML
    private void addUserProperty() {
        model.form().userProperties().add(new UserPropertyRow("", ""));
        userPropertiesTable.edit(model.form().userProperties().size() - 1, keyColumn);
    }

    @FXML
    private void removeUserProperty() {
        UserPropertyRow selected = userPropertiesTable.getSelectionModel().getSelectedItem();
        if (selected != null) {
            model.form().userProperties().remove(selected);
        }
    }

    @FXML
    private void resend() {
        model.resend(historyTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void editAsNew() {
        model.editAsNew(historyTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void saveTemplate() {
        model.templates().save();
    }

    @FXML
    private void loadTemplate() {
        model.templates().load(model.templates().nameProperty().get().strip());
    }

    @FXML
    private void deleteTemplate() {
        model.templates().delete(model.templates().nameProperty().get().strip());
    }

    private static void show(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
