package org.brokerscope.mqtt;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's trust manager, with two additions for the broker's certificate.
 *
 * <ul>
 *   <li>A rejected self-signed certificate that is not trusted raises {@link SelfSignedCertificateException}.
 *       The JDK says "unable to find valid certification path" both for it and for a certificate signed by a
 *       CA we do not know, and its exception does not carry the chain, so only here can the two be told apart.
 *       An expired self-signed certificate that is not trusted is reported as self-signed too: trusting it is
 *       the first step either way, and the detail says that it has expired as well.</li>
 *   <li>An accepted certificate must be within its dates. The JDK checks no dates on a trust anchor, and a
 *       self-signed certificate chosen as the CA file is its own anchor: so once the user trusts it, an expired
 *       one is reported as expired.</li>
 * </ul>
 *
 * <p>It extends {@link X509ExtendedTrustManager} and passes the socket or engine on, so that the JDK's own
 * manager still checks the host name (Paho asks for it through the socket's endpoint identification) and the
 * algorithm constraints exactly as it does unwrapped.
 */
final class SelfSignedAwareTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;

    private SelfSignedAwareTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    /** Wraps the extended X.509 managers; any other kind (not made by the JDK's factory) is kept as it is. */
    static TrustManager[] wrap(TrustManager[] managers) {
        TrustManager[] wrapped = managers.clone();
        for (int i = 0; i < wrapped.length; i++) {
            if (wrapped[i] instanceof X509ExtendedTrustManager extended) {
                wrapped[i] = new SelfSignedAwareTrustManager(extended);
            }
        }
        return wrapped;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> delegate.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    private interface Check {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, Check jdk) throws CertificateException {
        try {
            jdk.run();
        } catch (CertificateException rejected) {
            // A trusted self-signed certificate can still be refused, e.g. for another host name: that reason stands.
            if (isSelfSigned(chain) && !trusted(chain[0])) {
                throw new SelfSignedCertificateException(chain[0], rejected);
            }
            throw rejected;
        }
        chain[0].checkValidity();
    }

    /** One certificate, issued by itself and signed with its own key: no CA is involved at all. */
    static boolean isSelfSigned(X509Certificate[] chain) {
        if (chain == null || chain.length != 1
                || !chain[0].getSubjectX500Principal().equals(chain[0].getIssuerX500Principal())) {
            return false;
        }
        try {
            chain[0].verify(chain[0].getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            // Same name but another key signed it: a CA that happens to share the name, not self-signed.
            return false;
        }
    }

    // The JDK trusts a certificate whose subject and key match an anchor, not only the same bytes.
    private boolean trusted(X509Certificate certificate) {
        for (X509Certificate anchor : delegate.getAcceptedIssuers()) {
            if (anchor.getSubjectX500Principal().equals(certificate.getSubjectX500Principal())
                    && anchor.getPublicKey().equals(certificate.getPublicKey())) {
                return true;
            }
        }
        return false;
    }
}
