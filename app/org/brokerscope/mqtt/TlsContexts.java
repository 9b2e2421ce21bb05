package org.brokerscope.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the socket factory for {@link TlsOptions}: JVM trust store plus a PEM CA file, PEM or PKCS#12 client keys. */
final class TlsContexts {
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final char[] STORE_PASSWORD = new char[0];

    private TlsContexts() {
    }

    static SSLSocketFactory socketFactory(TlsOptions options) throws TlsSetupException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(options), trustManagers(options), new SecureRandom());
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("TLS could not be set up: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(TlsOptions options) throws TlsSetupException, GeneralSecurityException {
        if (options.trustAnyCertificate()) {
            return new TrustManager[] {new TrustAnything()};
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (options.caFile().isEmpty()) {
            factory.init((KeyStore) null);
            return SelfSignedAwareTrustManager.wrap(factory.getTrustManagers());
        }
        // The JVM's authorities and the user's file in one store, so a public broker still verifies too.
        KeyStore store = emptyStore();
        int n = 0;
        for (X509Certificate jvm : jvmAuthorities()) {
            store.setCertificateEntry("jvm-" + n++, jvm);
        }
        for (Certificate own : certificates(options.caFile().get(), "CA file")) {
            store.setCertificateEntry("ca-" + n++, own);
        }
        factory.init(store);
        return SelfSignedAwareTrustManager.wrap(factory.getTrustManagers());
    }

    private static X509Certificate[] jvmAuthorities() throws GeneralSecurityException {
        TrustManagerFactory jvm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jvm.init((KeyStore) null);
        for (TrustManager manager : jvm.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }

    private static KeyManager[] keyManagers(TlsOptions options) throws TlsSetupException, GeneralSecurityException {
        if (options.clientCertificate().isEmpty()) {
            return null;
        }
        ClientCertificate client = options.clientCertificate().get();
        KeyStore store;
        char[] password;
        if (client.isPkcs12()) {
            store = pkcs12(client.certificate(), client.password());
            password = client.password();
        } else {
            store = emptyStore();
            List<Certificate> chain = certificates(client.certificate(), "client certificate");
            store.setKeyEntry("client", privateKey(client.pemKey().orElseThrow()), STORE_PASSWORD,
                    chain.toArray(Certificate[]::new));
            password = STORE_PASSWORD;
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private static KeyStore pkcs12(Path file, char[] password) throws TlsSetupException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password shows as an IOException whose cause is an UnrecoverableKeyException.
            throw new TlsSetupException("The PKCS#12 file " + file + " could not be opened (wrong password, or not "
                    + "a PKCS#12 file): " + e.getMessage(), e);
        }
    }

    static List<Certificate> certificates(Path file, String what) throws TlsSetupException {
        Collection<? extends Certificate> read;
        try (InputStream in = Files.newInputStream(file)) {
            read = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsSetupException("The " + what + " " + file + " could not be read as PEM certificates: "
                    + e.getMessage(), e);
        }
        if (read.isEmpty()) {
            throw new TlsSetupException("The " + what + " " + file + " holds no certificate", null);
        }
        return new ArrayList<>(read);
    }

    static PrivateKey privateKey(Path file) throws TlsSetupException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new TlsSetupException("The key file " + file + " could not be read: " + e.getMessage(), e);
        }
        Matcher m = PEM_KEY.matcher(text);
        if (!m.find()) {
            throw new TlsSetupException("The key file " + file + " holds no PEM private key", null);
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        return switch (m.group(1)) {
            case "PRIVATE KEY" -> pkcs8(der, file);
            case "RSA PRIVATE KEY" -> pkcs8(Pkcs1.toPkcs8(der), file);
            default -> throw new TlsSetupException("The key file " + file + " holds an " + m.group(1).toLowerCase()
                    + ", which is not read here; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem", null);
        };
    }

    private static PrivateKey pkcs8(byte[] der, Path file) throws TlsSetupException {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // Try the next algorithm: PKCS#8 names it inside, but KeyFactory wants it up front.
            }
        }
        throw new TlsSetupException("The key file " + file + " holds a private key of an unknown kind", null);
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, STORE_PASSWORD);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    /** The explicit, warned "trust any certificate" choice. */
    private static final class TrustAnything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Not a server.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Deliberately accepts everything: the user chose it and the UI warns.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
