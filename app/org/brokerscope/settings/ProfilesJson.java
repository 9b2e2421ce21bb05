package org.brokerscope.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.domain.profile.MqttVersion;
import org.brokerscope.domain.profile.ProfileTls;
import org.brokerscope.domain.profile.ProfileWill;
import org.brokerscope.domain.profile.Subscription;
import org.brokerscope.domain.profile.Transport;

/**
 * The layout of {@code profiles.json}: plain fields, so the file stays readable and editable by hand, and
 * the domain records stay free of Jackson. Built from the file, it checks every profile at once: a value
 * the domain refuses makes the whole file unreadable, so it is backed up rather than half-loaded and then
 * overwritten without the bad profile.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProfilesJson(String installationId, String selected, List<Profile> profiles) {

    ProfilesJson {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        profiles.forEach(Profile::toDomain);
    }

    static ProfilesJson of(ProfileBook book) {
        return new ProfilesJson(book.installationId(), book.selected(),
                book.profiles().stream().filter(p -> !p.embedded()).map(Profile::of).toList());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Profile(String id, String name, String host, int port, Transport transport, String webSocketPath,
                   MqttVersion version, String clientId, String username, Integer keepAliveSeconds, Boolean cleanStart,
                   Long sessionExpirySeconds, Will will, List<Sub> subscriptions, Tls tls) {

        static Profile of(ConnectionProfile p) {
            ProfileTls t = p.tls();
            return new Profile(p.id(), p.name(), p.host(), p.port(), p.transport(), p.webSocketPath(), p.version(),
                    p.clientId(), p.username(), p.keepAliveSeconds(), p.cleanStart(), p.sessionExpirySeconds(),
                    p.will().map(w -> new Will(w.topic(), w.payload(), w.qos(), w.retained())).orElse(null),
                    p.subscriptions().stream().map(s -> new Sub(s.filter(), s.qos())).toList(),
                    new Tls(t.caFile().orElse(null), t.clientCertificate().orElse(null), t.clientKey().orElse(null),
                            t.verifyHostname(), t.trustAnyCertificate()));
        }

        ConnectionProfile toDomain() {
            if (id == null || id.isBlank() || name == null || host == null || transport == null) {
                throw new IllegalArgumentException("a profile lacks its id, name, host or transport");
            }
            return new ConnectionProfile(id, name, host, port, transport, webSocketPath,
                    version == null ? MqttVersion.AUTO : version, clientId, username,
                    keepAliveSeconds == null ? 30 : keepAliveSeconds, cleanStart == null || cleanStart,
                    sessionExpirySeconds == null ? 0 : sessionExpirySeconds,
                    Optional.ofNullable(will).map(w -> new ProfileWill(w.topic(), w.payload(), w.qos(), w.retained())),
                    subscriptions == null ? Subscription.defaults()
                            : subscriptions.stream().map(s -> new Subscription(s.filter(), s.qos())).toList(),
                    tls == null ? ProfileTls.defaults() : new ProfileTls(Optional.ofNullable(tls.caFile()),
                            Optional.ofNullable(tls.clientCertificate()), Optional.ofNullable(tls.clientKey()),
                            tls.verifyHostname() == null || tls.verifyHostname(),
                            tls.trustAnyCertificate() != null && tls.trustAnyCertificate()),
                    false);
        }
    }

    record Will(String topic, String payload, int qos, boolean retained) {
    }

    record Sub(String filter, int qos) {
    }

    record Tls(String caFile, String clientCertificate, String clientKey, Boolean verifyHostname,
               Boolean trustAnyCertificate) {
    }
}
