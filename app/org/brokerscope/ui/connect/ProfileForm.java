package org.brokerscope.ui.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.brokerscope.domain.Topics;
import org.brokerscope.domain.profile.BrokerUrl;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.domain.profile.MqttVersion;
import org.brokerscope.domain.profile.ProfileTls;
import org.brokerscope.domain.profile.ProfileWill;
import org.brokerscope.domain.profile.Subscription;
import org.brokerscope.domain.profile.Transport;
import org.brokerscope.ui.I18n;

/** The dialog's editable fields, as text the user types, and their conversion to and from a profile. */
public final class ProfileForm {
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty host = new SimpleStringProperty("");
    final StringProperty port = new SimpleStringProperty("1883");
    final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(Transport.TCP);
    final StringProperty webSocketPath = new SimpleStringProperty("/mqtt");
    final ObjectProperty<MqttVersion> version = new SimpleObjectProperty<>(MqttVersion.AUTO);
    final StringProperty clientId = new SimpleStringProperty("");
    final StringProperty username = new SimpleStringProperty("");
    final StringProperty password = new SimpleStringProperty("");
    final StringProperty keepAlive = new SimpleStringProperty("30");
    final BooleanProperty cleanStart = new SimpleBooleanProperty(true);
    final StringProperty sessionExpiry = new SimpleStringProperty("0");
    final StringProperty willTopic = new SimpleStringProperty("");
    final StringProperty willPayload = new SimpleStringProperty("");
    final StringProperty willQos = new SimpleStringProperty("0");
    final BooleanProperty willRetain = new SimpleBooleanProperty(false);
    final StringProperty subscriptions = new SimpleStringProperty("# 0");
    final StringProperty caFile = new SimpleStringProperty("");
    final StringProperty clientCertificate = new SimpleStringProperty("");
    final StringProperty clientKey = new SimpleStringProperty("");
    final StringProperty pkcs12Password = new SimpleStringProperty("");
    final BooleanProperty verifyHostname = new SimpleBooleanProperty(true);
    final BooleanProperty trustAny = new SimpleBooleanProperty(false);

    /** A profile the user could not have meant, with the reason in their language. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    void show(ConnectionProfile p) {
        name.set(p.name());
        host.set(p.host());
        port.set(Integer.toString(p.port()));
        transport.set(p.transport());
        webSocketPath.set(p.webSocketPath());
        version.set(p.version());
        clientId.set(p.clientId());
        username.set(p.username());
        keepAlive.set(Integer.toString(p.keepAliveSeconds()));
        cleanStart.set(p.cleanStart());
        sessionExpiry.set(Long.toString(p.sessionExpirySeconds()));
        willTopic.set(p.will().map(ProfileWill::topic).orElse(""));
        willPayload.set(p.will().map(ProfileWill::payload).orElse(""));
        willQos.set(Integer.toString(p.will().map(ProfileWill::qos).orElse(0)));
        willRetain.set(p.will().map(ProfileWill::retained).orElse(false));
        subscriptions.set(String.join("\n", p.subscriptions().stream().map(s -> s.filter() + " " + s.qos()).toList()));
        caFile.set(p.tls().caFile().orElse(""));
        clientCertificate.set(p.tls().clientCertificate().orElse(""));
        clientKey.set(p.tls().clientKey().orElse(""));
        verifyHostname.set(p.tls().verifyHostname());
        trustAny.set(p.tls().trustAnyCertificate());
    }

    /** Fills the fields a URL carries; the password goes to the password field only, never to the profile. */
    void fill(BrokerUrl url) {
        transport.set(url.transport());
        host.set(url.host());
        port.set(Integer.toString(url.port()));
        webSocketPath.set(url.webSocketPath());
        username.set(url.username());
        password.set(url.password().orElse(""));
        if (name.get().isBlank()) {
            name.set(url.host());
        }
    }

    ConnectionProfile toProfile(String id, I18n i18n) throws Invalid {
        if (name.get().isBlank()) {
            throw new Invalid(i18n.text("connect.invalid.name"));
        }
        if (host.get().isBlank()) {
            throw new Invalid(i18n.text("connect.invalid.host"));
        }
        return new ConnectionProfile(id, name.get().strip(), host.get().strip(),
                number(port, i18n.text("connect.port"), 1, 65_535, i18n), transport.get(), webSocketPath.get().strip(),
                version.get(), clientId.get().strip(), username.get().strip(),
                number(keepAlive, i18n.text("connect.keepAlive"), 0, 65_535, i18n), cleanStart.get(),
                number(sessionExpiry, i18n.text("connect.sessionExpiry"), 0, 0xFFFF_FFFFL, i18n), will(i18n),
                subscriptionList(i18n), tls(), false);
    }

    private Optional<ProfileWill> will(I18n i18n) throws Invalid {
        if (willTopic.get().isBlank()) {
            return Optional.empty();
        }
        if (Topics.checkName(willTopic.get().strip()).isPresent()) {
            throw new Invalid(i18n.text("connect.invalid.will"));
        }
        return Optional.of(new ProfileWill(willTopic.get().strip(), willPayload.get(),
                (int) number(willQos, i18n.text("connect.will.qos"), 0, 2, i18n), willRetain.get()));
    }

    private List<Subscription> subscriptionList(I18n i18n) throws Invalid {
        List<Subscription> list = new ArrayList<>();
        for (String line : subscriptions.get().split("\\R")) {
            String[] parts = line.strip().split("\\s+");
            if (parts[0].isEmpty()) {
                continue;
            }
            if (parts.length > 2 || (parts.length == 2 && !parts[1].matches("[012]"))) {
                throw new Invalid(i18n.text("connect.invalid.subscription", line.strip()));
            }
            if (Topics.checkFilter(parts[0]).isPresent()) {
                throw new Invalid(i18n.text("connect.invalid.filter", parts[0]));
            }
            list.add(new Subscription(parts[0], parts.length == 2 ? Integer.parseInt(parts[1]) : 0));
        }
        return list;
    }

    private ProfileTls tls() {
        return new ProfileTls(blankToEmpty(caFile), blankToEmpty(clientCertificate), blankToEmpty(clientKey),
                verifyHostname.get(), trustAny.get());
    }

    private static Optional<String> blankToEmpty(StringProperty p) {
        return p.get().isBlank() ? Optional.empty() : Optional.of(p.get().strip());
    }

    private static int number(StringProperty field, String label, int min, int max, I18n i18n) throws Invalid {
        return (int) number(field, label, min, (long) max, i18n);
    }

    private static long number(StringProperty field, String label, long min, long max, I18n i18n) throws Invalid {
        try {
            long value = Long.parseLong(field.get().strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new Invalid(i18n.text("connect.invalid.number", label.replace("_", ""), min, max));
    }
}
