package org.brokerscope.mqtt;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The certificate and private key this client shows a broker that requires mutual TLS: either a PEM
 * certificate (chain) with a PEM private key (PKCS#8 or PKCS#1, unencrypted), or one PKCS#12 file.
 *
 * @param certificate the PEM certificate file, or the PKCS#12 file
 * @param pemKey      the PEM private key; empty for PKCS#12
 * @param password    the PKCS#12 password (may be empty); {@link #toString()} never shows it
 */
public record ClientCertificate(Path certificate, Optional<Path> pemKey, char[] password) {

    public ClientCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(pemKey, "pemKey");
        Objects.requireNonNull(password, "password");
    }

    public static ClientCertificate pem(Path certificate, Path key) {
        return new ClientCertificate(certificate, Optional.of(key), new char[0]);
    }

    public static ClientCertificate pkcs12(Path file, char[] password) {
        return new ClientCertificate(file, Optional.empty(), password);
    }

    public boolean isPkcs12() {
        return pemKey.isEmpty();
    }

    @Override
    public String toString() {
        return "ClientCertificate[" + certificate + pemKey.map(k -> ", key " + k).orElse(", PKCS#12, password=***") + "]";
    }
}
