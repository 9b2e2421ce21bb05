package org.brokerscope.ui.connect;

import java.io.IOException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.domain.profile.BrokerUrl;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.domain.profile.Subscription;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionFailures;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ProfileSettings;
import org.brokerscope.settings.ProfileBook;
import org.brokerscope.settings.ProfileStore;
import org.brokerscope.ui.I18n;

/** The connection dialog: the profile list, the form, and connecting the app's monitor to the chosen broker. */
public final class ConnectViewModel {
    /** Points the app's monitor connection at a broker; AppServices::switchMonitor. */
    @FunctionalInterface
    public interface Connector {
        CompletableFuture<BrokerConnection> connect(ConnectionSettings settings, List<Subscription> subscriptions);
    }

    private final I18n i18n;
    private final ConnectTexts texts;
    private final ProfileStore store;
    private final Connector connector;
    private final IntSupplier embeddedPort;
    private final Executor fx;
    private final ProfileForm form = new ProfileForm();
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>();
    private final StringProperty url = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper granted = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(false);
    // Passwords live here for this run only: profiles.json never holds one (README, "Passwords").
    private final Map<String, String> sessionPasswords = new HashMap<>();
    private ProfileBook book;
    private CompletableFuture<BrokerConnection> pending;

    /**
     * @param embeddedPort where the embedded broker listens now
     * @param fx           runs the connect result on the FX thread
     */
    public ConnectViewModel(I18n i18n, ProfileStore store, ProfileStore.Loaded loaded, Connector connector,
                            IntSupplier embeddedPort, Executor fx) {
        this.i18n = i18n;
        this.texts = new ConnectTexts(i18n);
        this.store = store;
        this.connector = connector;
        this.embeddedPort = embeddedPort;
        this.fx = fx;
        this.book = loaded.book();
        profiles.setAll(book.profiles());
        selected.addListener((obs, old, now) -> show(now));
        selected.set(book.selectedProfile());
        // Never silent: the user learns that their profiles were set aside, and where.
        loaded.corruptFileBackup().ifPresent(backup -> showError(i18n.text("connect.profilesBackedUp", backup),
                loaded.problem().map(p -> i18n.text("connect.details", p)).orElse("")));
        if (loaded.unreadable()) {
            showError(i18n.text("connect.profilesUnreadable", store.file().getFileName(), loaded.problem().orElse("?")), "");
        }
    }

    public ObservableList<ConnectionProfile> profiles() {
        return FXCollections.unmodifiableObservableList(profiles);
    }

    public ObjectProperty<ConnectionProfile> selectedProperty() {
        return selected;
    }

    public ProfileForm form() {
        return form;
    }

    public StringProperty urlProperty() {
        return url;
    }

    /** Shown while "trust any" or "no hostname check" is on. */
    public BooleanBinding tlsWeakened() {
        return Bindings.createBooleanBinding(() -> form.trustAny.get() || !form.verifyHostname.get(),
                form.trustAny, form.verifyHostname);
    }

    public void newProfile() {
        String id = "p-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        ConnectionProfile fresh = ConnectionProfile.create(id, i18n.text("connect.new"), "localhost", book.defaultClientId());
        profiles.add(fresh);
        selected.set(fresh);
    }

    public void deleteSelected() {
        ConnectionProfile p = selected.get();
        if (p == null || p.embedded()) {
            return;
        }
        persist(book.remove(p.id()));
        profiles.remove(p);
        selected.set(book.selectedProfile());
    }

    public void fillFromUrl() {
        BrokerUrl.Parsed parsed = BrokerUrl.parse(url.get());
        parsed.problem().ifPresent(p -> showError(i18n.text("connect.url." + p.name()), ""));
        parsed.url().ifPresent(u -> {
            if (form.name.get().equals(i18n.text("connect.new"))) {
                form.name.set("");
            }
            form.fill(u);
            // The URL may hold a password: it now sits in the password field only, masked.
            url.set("");
            clearMessages();
        });
    }

    /** Saves the form as the selected profile; false (with the reason shown) when the form is invalid. */
    public boolean save() {
        Optional<ConnectionProfile> profile = profileFromForm();
        profile.filter(p -> !p.embedded()).ifPresent(p -> {
            persist(book.put(p));
            replaceInList(p);
            if (error.get().isEmpty()) {
                status.set(i18n.text("connect.saved"));
            }
        });
        return profile.isPresent();
    }

    public void connect() {
        connect(() -> { });
    }

    /** Connects with the form's profile; {@code whenConnected} runs on the FX thread once it has succeeded. */
    public void connect(Runnable whenConnected) {
        clearMessages();
        Optional<ConnectionProfile> chosen = profileFromForm();
        if (chosen.isEmpty()) {
            return;
        }
        ConnectionProfile profile = chosen.get();
        if (profile.needsPassword() && form.password.get().isEmpty()) {
            showError(i18n.text("connect.invalid.password", profile.username()), "");
            return;
        }
        sessionPasswords.put(profile.id(), form.password.get());
        persist(profile.embedded() ? book.select(profile.id()) : book.put(profile));
        if (!profile.embedded()) {
            replaceInList(profile);
        }
        ConnectionSettings settings = ProfileSettings.of(profile, form.password.get().toCharArray(),
                form.pkcs12Password.get().toCharArray());
        busy.set(true);
        status.set(i18n.text("connect.connecting", settings.serverUri()));
        pending = connector.connect(settings, profile.subscriptions());
        pending.whenCompleteAsync((connection, failure) -> {
            finished(profile, connection, failure);
            if (failure == null) {
                whenConnected.run();
            }
        }, fx);
    }

    public void cancel() {
        if (pending != null && !pending.isDone()) {
            pending.cancel(true);
        }
    }

    private void finished(ConnectionProfile profile, BrokerConnection connection, Throwable failure) {
        busy.set(false);
        if (failure == null) {
            status.set(i18n.text("connect.connected", connection.serverUri()));
            granted.set(connection.negotiated().map(texts::granted).orElse(""));
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CancellationException) {
            status.set(i18n.text("connect.cancelled"));
            return;
        }
        var classified = ConnectionFailures.atConnect(cause, profile.needsPassword());
        status.set("");
        showError(texts.failure(classified), texts.details(classified));
    }

    private Optional<ConnectionProfile> profileFromForm() {
        ConnectionProfile current = selected.get();
        if (current != null && current.embedded()) {
            return Optional.of(ConnectionProfile.embedded(current.name(), embeddedPort.getAsInt(), current.clientId()));
        }
        try {
            return Optional.of(form.toProfile(current == null ? "p-new" : current.id(), i18n));
        } catch (ProfileForm.Invalid e) {
            showError(e.getMessage(), "");
            return Optional.empty();
        }
    }

    private void show(ConnectionProfile profile) {
        if (profile == null) {
            return;
        }
        form.show(profile);
        form.password.set(sessionPasswords.getOrDefault(profile.id(), ""));
        form.pkcs12Password.set("");
        editable.set(!profile.embedded());
        clearMessages();
    }

    private void replaceInList(ConnectionProfile p) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id().equals(p.id())) {
                // Replacing the selected item fires the selection listener; keep the typed password across it.
                String typed = form.password.get();
                profiles.set(i, p);
                selected.set(p);
                form.password.set(typed);
                return;
            }
        }
    }

    private void persist(ProfileBook next) {
        book = next;
        try {
            store.save(next);
        } catch (IOException e) {
            showError(i18n.text("connect.saveFailed", store.file(), e.getMessage()), "");
        }
    }

    private void clearMessages() {
        error.set("");
        details.set("");
        granted.set("");
        status.set("");
    }

    private void showError(String message, String technical) {
        error.set(message);
        details.set(technical);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty grantedProperty() {
        return granted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** False for the embedded broker, whose settings are fixed. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }
}
