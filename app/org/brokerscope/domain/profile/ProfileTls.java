package org.brokerscope.domain.profile;

import java.util.Objects;
import java.util.Optional;

/**
 * A profile's certificate settings, as file paths. A client certificate with a key file is PEM; one
 * without is a PKCS#12 file, whose password, like the broker password, is asked for and never stored.
 */
public record ProfileTls(Optional<String> caFile, Optional<String> clientCertificate, Optional<String> clientKey,
                         boolean verifyHostname, boolean trustAnyCertificate) {
    public ProfileTls {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(clientCertificate, "clientCertificate");
        Objects.requireNonNull(clientKey, "clientKey");
    }

    public static ProfileTls defaults() {
        return new ProfileTls(Optional.empty(), Optional.empty(), Optional.empty(), true, false);
    }

    public boolean pkcs12() {
        return clientCertificate.isPresent() && clientKey.isEmpty();
    }
}
