package org.brokerscope.ui.sensors;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ProfileSettings;
import org.brokerscope.mqtt.ProtocolChoice;
import org.brokerscope.settings.ProfileStore;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.SensorSpec;
import org.brokerscope.ui.I18n;

/**
 * Which broker the sensors publish to: the fleet's target and the brokers single sensors name, both chosen
 * from the saved connection profiles. Passwords are asked when first needed and kept in memory for this run
 * only, as the Connect dialog does (README, "Passwords").
 */
public final class SensorBrokers {
    /** Asks the user for a profile's password (and PKCS#12 password when it has such a certificate). */
    @FunctionalInterface
    public interface SecretPrompt {
        Optional<Secrets> ask(ConnectionProfile profile);
    }

    /** What the user typed; never written anywhere. */
    public record Secrets(char[] password, char[] pkcs12Password) {
    }

    private final I18n i18n;
    private final ProfileStore store;
    private final Supplier<Optional<SensorFleet>> fleet;
    private final Consumer<String> message;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper("");
    private final Map<String, Secrets> secrets = new HashMap<>();
    private SecretPrompt prompt = profile -> Optional.empty();
    private String targetId = ConnectionProfile.EMBEDDED_ID;

    SensorBrokers(I18n i18n, ProfileStore store, Supplier<Optional<SensorFleet>> fleet, Consumer<String> message) {
        this.i18n = i18n;
        this.store = store;
        this.fleet = fleet;
        this.message = message;
    }

    /** The view sets the dialog; the model stays free of windows. */
    public void setPrompt(SecretPrompt prompt) {
        this.prompt = prompt;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return FXCollections.unmodifiableObservableList(profiles);
    }

    /** Where the fleet publishes, in words. */
    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** Reads the saved profiles again: the user may have added one in the Connect dialog meanwhile. */
    public void reload() {
        try {
            profiles.setAll(store.load().book().profiles());
        } catch (IOException | RuntimeException e) {
            message.accept(i18n.text("sensors.broker.unreadable", String.valueOf(e.getMessage())));
        }
    }

    void showTarget(SensorFleet f) {
        if (target.get().isEmpty()) {
            target.set(i18n.text("sensors.broker.target", i18n.text("connect.embedded.name"), f.serverUri()));
        }
    }

    /**
     * Sends every sensor that has no broker of its own to {@code profile}'s broker. Choosing the current target
     * again asks its password again: that is how a refused password is corrected. The sensors that name the
     * profile get the new login too.
     */
    public void useForFleet(ConnectionProfile profile) {
        if (profile.id().equals(targetId)) {
            secrets.remove(profile.id());
        }
        fleet.get().ifPresent(f -> settingsFor(profile).ifPresent(settings -> {
            targetId = profile.id();
            f.retarget(settings);
            if (f.knowsBroker(profile.name())) {
                f.defineBroker(profile.name(), settings);
            }
            target.set(i18n.text("sensors.broker.target", profile.name(), settings.serverUri()));
            message.accept(i18n.text("sensors.broker.retargeted", profile.name()));
        }));
    }

    /** Makes sure the fleet knows {@code profile}'s broker, asking its password if needed; false if cancelled. */
    boolean define(SensorFleet f, ConnectionProfile profile) {
        Optional<ConnectionSettings> settings = settingsFor(profile);
        settings.ifPresent(s -> f.defineBroker(profile.name(), s));
        return settings.isPresent();
    }

    /** For a loaded scenario: sets up every profile its sensors name, or says which ones do not exist here. */
    void defineNamedIn(SensorFleet f, List<SensorSpec> specs) {
        Set<String> names = new LinkedHashSet<>();
        specs.forEach(s -> s.broker().ifPresent(names::add));
        for (String name : names) {
            Optional<ConnectionProfile> p = profiles.stream().filter(x -> x.name().equals(name)).findFirst();
            if (p.isEmpty()) {
                message.accept(i18n.text("sensors.broker.unknown", name));
            } else if (!f.knowsBroker(name)) {
                define(f, p.get());
            }
        }
    }

    private Optional<ConnectionSettings> settingsFor(ConnectionProfile profile) {
        if (profile.embedded()) {
            return Optional.of(ConnectionSettings.of(profile.serverUri(), "sensors").withProtocol(ProtocolChoice.MQTT_5));
        }
        boolean pkcs12 = profile.tls().pkcs12() && profile.tls().clientCertificate().isPresent();
        Secrets known = secrets.get(profile.id());
        if (known == null && (profile.needsPassword() || pkcs12)) {
            known = prompt.ask(profile).orElse(null);
            if (known == null) {
                message.accept(i18n.text("sensors.broker.cancelled", profile.name()));
                return Optional.empty();
            }
            secrets.put(profile.id(), known);
        }
        Secrets given = known == null ? new Secrets(new char[0], new char[0]) : known;
        try {
            return Optional.of(ProfileSettings.of(profile, given.password(), given.pkcs12Password()));
        } catch (RuntimeException e) {
            message.accept(i18n.text("sensors.broker.invalid", profile.name(), String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }
}
