package org.brokerscope.mqtt;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@code ssl://} or {@code wss://} connection checks the broker and proves who it is.
 *
 * @param caFile              PEM file with extra certificate authorities, trusted besides the JVM's own store
 * @param clientCertificate   for brokers that require mutual TLS
 * @param verifyHostname      checks that the broker's certificate names the host we dialled; on by default.
 *                            Off is an explicit, warned choice (e.g. a broker reached by an IP its
 *                            certificate does not list)
 * @param trustAnyCertificate accepts any certificate, signed by anyone or expired: encryption without
 *                            authentication, for a lab broker with a throwaway certificate. Warned in the UI
 */
public record TlsOptions(Optional<Path> caFile, Optional<ClientCertificate> clientCertificate, boolean verifyHostname,
                         boolean trustAnyCertificate) {

    public TlsOptions {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(clientCertificate, "clientCertificate");
    }

    /** The JVM's trust store and hostname verification, nothing else. */
    public static TlsOptions defaults() {
        return new TlsOptions(Optional.empty(), Optional.empty(), true, false);
    }

    public TlsOptions withCaFile(Path pem) {
        return new TlsOptions(Optional.of(pem), clientCertificate, verifyHostname, trustAnyCertificate);
    }

    public TlsOptions withClientCertificate(ClientCertificate certificate) {
        return new TlsOptions(caFile, Optional.of(certificate), verifyHostname, trustAnyCertificate);
    }

    public TlsOptions withoutHostnameVerification() {
        return new TlsOptions(caFile, clientCertificate, false, trustAnyCertificate);
    }

    public TlsOptions trustingAnyCertificate() {
        return new TlsOptions(caFile, clientCertificate, false, true);
    }

    /** Whether the user lowered the checks below the defaults, so the UI must show a warning. */
    public boolean weakened() {
        return !verifyHostname || trustAnyCertificate;
    }
}
