package org.brokerscope.ui.connect;

import javafx.beans.property.Property;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.domain.profile.MqttVersion;
import org.brokerscope.domain.profile.Transport;
import org.brokerscope.ui.I18n;
import org.brokerscope.ui.ReadOnlyConverter;

/** The connection dialog's controller: binds the form to {@link ConnectViewModel} and forwards the buttons. */
public final class ConnectView {
    private final ConnectViewModel model;
    private final I18n i18n;
    private final Runnable onClose;

    @FXML private ListView<ConnectionProfile> profileList;
    @FXML private Button deleteButton;
    @FXML private HBox urlRow;
    @FXML private TextField urlField;
    @FXML private Label embeddedLabel;
    @FXML private GridPane grid;
    @FXML private TextField nameField;
    @FXML private TextField hostField;
    @FXML private TextField portField;
    @FXML private ComboBox<Transport> transportBox;
    @FXML private TextField wsPathField;
    @FXML private ComboBox<MqttVersion> versionBox;
    @FXML private TextField clientIdField;
    @FXML private TextField usernameField;
    @FXML private PasswordField passwordField;
    @FXML private TextField keepAliveField;
    @FXML private CheckBox cleanStartBox;
    @FXML private TextField sessionExpiryField;
    @FXML private TextField willTopicField;
    @FXML private TextField willPayloadField;
    @FXML private TextField willQosField;
    @FXML private CheckBox willRetainBox;
    @FXML private TextArea subscriptionsArea;
    @FXML private TextField caFileField;
    @FXML private TextField clientCertField;
    @FXML private TextField clientKeyField;
    @FXML private PasswordField p12PasswordField;
    @FXML private CheckBox verifyHostnameBox;
    @FXML private CheckBox trustAnyBox;
    @FXML private Label tlsWarning;
    @FXML private Label errorLabel;
    @FXML private Label detailsLabel;
    @FXML private Label statusLabel;
    @FXML private Label grantedLabel;
    @FXML private ProgressIndicator progress;
    @FXML private Button saveButton;
    @FXML private Button cancelButton;
    @FXML private Button connectButton;

    public ConnectView(ConnectViewModel model, I18n i18n, Runnable onClose) {
        this.model = model;
        this.i18n = i18n;
        this.onClose = onClose;
    }

    @FXML
    private void initialize() {
        profileList.setItems(model.profiles());
        profileList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        profileList.getSelectionModel().select(model.selectedProperty().get());
        profileList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != model.selectedProperty().get()) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> profileList.getSelectionModel().select(now));
        bindForm(model.form());
        transportBox.getItems().setAll(Transport.values());
        transportBox.setConverter(ReadOnlyConverter.of(t -> t.scheme() + "://"));
        versionBox.getItems().setAll(MqttVersion.values());
        versionBox.setConverter(ReadOnlyConverter.of(v -> i18n.text("connect.protocol." + v.name())));
        urlField.textProperty().bindBidirectional(model.urlProperty());
        urlField.setOnAction(e -> model.fillFromUrl());
        wsPathField.disableProperty().bind(transportBox.valueProperty().map(t -> !t.webSocket()).orElse(true));
        tlsWarning.visibleProperty().bind(model.tlsWeakened());
        tlsWarning.managedProperty().bind(tlsWarning.visibleProperty());
        bindStatus();
    }

    private void bindForm(ProfileForm f) {
        bind(nameField, f.name);
        bind(hostField, f.host);
        bind(portField, f.port);
        transportBox.valueProperty().bindBidirectional(f.transport);
        bind(wsPathField, f.webSocketPath);
        versionBox.valueProperty().bindBidirectional(f.version);
        bind(clientIdField, f.clientId);
        bind(usernameField, f.username);
        bind(passwordField, f.password);
        bind(keepAliveField, f.keepAlive);
        cleanStartBox.selectedProperty().bindBidirectional(f.cleanStart);
        bind(sessionExpiryField, f.sessionExpiry);
        bind(willTopicField, f.willTopic);
        bind(willPayloadField, f.willPayload);
        bind(willQosField, f.willQos);
        willRetainBox.selectedProperty().bindBidirectional(f.willRetain);
        bind(subscriptionsArea, f.subscriptions);
        bind(caFileField, f.caFile);
        bind(clientCertField, f.clientCertificate);
        bind(clientKeyField, f.clientKey);
        bind(p12PasswordField, f.pkcs12Password);
        verifyHostnameBox.selectedProperty().bindBidirectional(f.verifyHostname);
        trustAnyBox.selectedProperty().bindBidirectional(f.trustAny);
        verifyHostnameBox.disableProperty().bind(f.trustAny);
    }

    private void bindStatus() {
        errorLabel.textProperty().bind(model.errorProperty());
        detailsLabel.textProperty().bind(model.detailsProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        grantedLabel.textProperty().bind(model.grantedProperty());
        for (Label label : new Label[] {errorLabel, detailsLabel, statusLabel, grantedLabel}) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.managedProperty());
        }
        progress.visibleProperty().bind(model.busyProperty());
        cancelButton.disableProperty().bind(model.busyProperty().not());
        connectButton.disableProperty().bind(model.busyProperty());
        // The embedded broker's settings are fixed: show them, but not for editing.
        grid.disableProperty().bind(model.editableProperty().not());
        urlRow.disableProperty().bind(model.editableProperty().not());
        saveButton.disableProperty().bind(model.editableProperty().not());
        deleteButton.disableProperty().bind(model.editableProperty().not());
        embeddedLabel.visibleProperty().bind(model.editableProperty().not());
        embeddedLabel.managedProperty().bind(embeddedLabel.visibleProperty());
    }

    private static void bind(TextInputControl field, Property<String> property) {
        field.textProperty().bindBidirectional(property);
    }

    @FXML
    private void newProfile() {
        model.newProfile();
    }

    @FXML
    private void deleteProfile() {
        model.deleteSelected();
    }

    @FXML
    private void fillFromUrl() {
        model.fillFromUrl();
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void connect() {
        model.connect();
    }

    @FXML
    private void chooseCaFile() {
        choose(caFileField);
    }

    @FXML
    private void chooseClientCertificate() {
        choose(clientCertField);
    }

    @FXML
    private void chooseClientKey() {
        choose(clientKeyField);
    }

    // The path goes into the field, where the user sees it and can still edit it.
    private void choose(TextField target) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        java.io.File current = new java.io.File(target.getText().strip());
        if (current.getParentFile() != null && current.getParentFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParentFile());
        }
        java.io.File file = chooser.showOpenDialog(target.getScene().getWindow());
        if (file != null) {
            target.setText(file.getAbsolutePath());
        }
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void close() {
        onClose.run();
    }
}
