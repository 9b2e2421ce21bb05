package org.brokerscope.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.domain.profile.ProfileTls;

/** Turns a saved profile, plus the secrets the user typed for this session, into {@link ConnectionSettings}. */
public final class ProfileSettings {
    private ProfileSettings() {
    }

    /**
     * @param password       the broker password, used when the profile has a username
     * @param pkcs12Password the PKCS#12 client certificate's password, when the profile has one
     */
    public static ConnectionSettings of(ConnectionProfile profile, char[] password, char[] pkcs12Password) {
        ProtocolChoice protocol = switch (profile.version()) {
            case AUTO -> ProtocolChoice.AUTO;
            case V5 -> ProtocolChoice.MQTT_5;
            case V3_1_1 -> ProtocolChoice.MQTT_3_1_1;
        };
        // A kept session needs both: no clean start, and an expiry so the broker keeps it after we go.
        long expiry = profile.cleanStart() ? 0 : Math.max(1, profile.sessionExpirySeconds());
        ConnectionSettings settings = new ConnectionSettings(profile.serverUri(), profile.clientId(),
                profile.keepAliveSeconds(), true, expiry, protocol, Optional.empty(), Optional.empty(),
                Optional.of(tls(profile.tls(), pkcs12Password)));
        if (profile.needsPassword()) {
            settings = settings.withCredentials(profile.username(), password);
        }
        if (profile.will().isPresent()) {
            var w = profile.will().get();
            settings = settings.withWill(new LastWill(w.topic(), w.payload().getBytes(StandardCharsets.UTF_8), w.qos(),
                    w.retained()));
        }
        return settings;
    }

    private static TlsOptions tls(ProfileTls tls, char[] pkcs12Password) {
        TlsOptions options = TlsOptions.defaults();
        if (tls.caFile().isPresent()) {
            options = options.withCaFile(Path.of(tls.caFile().get()));
        }
        if (tls.clientCertificate().isPresent()) {
            Path certificate = Path.of(tls.clientCertificate().get());
            options = options.withClientCertificate(tls.pkcs12() ? ClientCertificate.pkcs12(certificate, pkcs12Password)
                    : ClientCertificate.pem(certificate, Path.of(tls.clientKey().orElseThrow())));
        }
        if (tls.trustAnyCertificate()) {
            options = options.trustingAnyCertificate();
        } else if (!tls.verifyHostname()) {
            options = options.withoutHostnameVerification();
        }
        return options;
    }
}
