package org.brokerscope.mqtt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HexFormat;

/**
 * The broker showed a self-signed certificate that nothing trusts. Raised by {@link SelfSignedAwareTrustManager}
 * so that {@link ConnectionFailures} can tell it from a certificate signed by an unknown CA: the cure differs.
 */
final class SelfSignedCertificateException extends CertificateException {
    SelfSignedCertificateException(X509Certificate certificate, CertificateException rejection) {
        super(describe(certificate), rejection);
    }

    // The subject and fingerprint let the user check, out of band, that the file they are about to trust is
    // the broker's: `openssl x509 -noout -fingerprint -sha256 -in broker.crt` prints the same digits.
    private static String describe(X509Certificate certificate) {
        String text = "self-signed certificate " + certificate.getSubjectX500Principal().getName()
                + " (SHA-256 " + fingerprint(certificate) + ") is not trusted";
        return certificate.getNotAfter().before(new Date()) ? text + "; it also expired on " + certificate.getNotAfter()
                : text;
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "unknown";
        }
    }
}
