package org.brokerscope.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Certificates made with {@code openssl} for one test class: a CA the client trusts, another it does
 * not, server certificates (right name, wrong name, expired, untrusted, and self-signed: valid, expired,
 * for another name) and a client certificate as PEM and as PKCS#12. EC P-256 keys, because RSA key
 * generation is slow on a loaded machine.
 *
 * <p>The folder is readable by all: Mosquitto run as root reads its files as the 'mosquitto' user.
 */
public final class TestPki implements AutoCloseable {
    public static final String PKCS12_PASSWORD = "p12-secret";

    /** Which certificate the broker shows. */
    public enum Server {
        GOOD("server"), WRONG_NAME("wrong-name"), EXPIRED("expired"), UNTRUSTED("untrusted"),
        SELF_SIGNED("self-signed"), SELF_SIGNED_EXPIRED("self-signed-expired"),
        SELF_SIGNED_WRONG_NAME("self-signed-wrong-name");

        private final String file;

        Server(String file) {
            this.file = file;
        }
    }

    private final Path folder;

    private TestPki(Path folder) {
        this.folder = folder;
    }

    public static TestPki create() {
        try {
            Path folder = Files.createTempDirectory("brokerscope-pki-");
            TestPki pki = new TestPki(folder);
            pki.generate();
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    MosquittoBroker.readableByAll(f);
                }
            }
            MosquittoBroker.readableByAll(folder);
            return pki;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void generate() throws IOException {
        selfSigned("ca", "Brokerscope Test CA");
        selfSigned("other-ca", "Somebody Else's CA");
        signed("server", "ca", "localhost", "DNS:localhost,IP:127.0.0.1", "365");
        signed("wrong-name", "ca", "elsewhere", "DNS:elsewhere.brokerscope.invalid", "365");
        // A negative validity puts notAfter before now: the certificate is expired from the start.
        signed("expired", "ca", "localhost", "DNS:localhost,IP:127.0.0.1", "-1");
        signed("untrusted", "other-ca", "localhost", "DNS:localhost,IP:127.0.0.1", "365");
        signed("client", "ca", "brokerscope-client", "DNS:brokerscope-client", "365");
        selfSignedServer("self-signed", "DNS:localhost,IP:127.0.0.1");
        selfSignedServer("self-signed-wrong-name", "DNS:elsewhere.brokerscope.invalid");
        expiredSelfSignedServer("self-signed-expired");
        openssl("pkcs12", "-export", "-in", path("client.crt"), "-inkey", path("client.key"), "-out", path("client.p12"),
                "-passout", "pass:" + PKCS12_PASSWORD);
    }

    private void selfSigned(String name, String commonName) throws IOException {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", path(name + ".key"), "-out", path(name + ".crt"), "-days", "365", "-subj", "/CN=" + commonName);
    }

    // As a home lab or classroom broker's certificate is usually made: one command, no CA.
    private void selfSignedServer(String name, String altNames) throws IOException {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", path(name + ".key"), "-out", path(name + ".crt"), "-days", "365", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=" + altNames);
    }

    // 'req -x509' refuses a negative validity, so this one is signed with its own key by 'x509 -req'.
    private void expiredSelfSignedServer(String name) throws IOException {
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", path(name + ".key"), "-out", path(name + ".csr"), "-subj", "/CN=localhost");
        Files.writeString(folder.resolve(name + ".ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        openssl("x509", "-req", "-in", path(name + ".csr"), "-signkey", path(name + ".key"), "-days", "-1",
                "-out", path(name + ".crt"), "-extfile", path(name + ".ext"));
    }

    private void signed(String name, String ca, String commonName, String altNames, String days) throws IOException {
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", path(name + ".key"), "-out", path(name + ".csr"), "-subj", "/CN=" + commonName);
        Path ext = folder.resolve(name + ".ext");
        Files.writeString(ext, "subjectAltName=" + altNames + "\n");
        openssl("x509", "-req", "-in", path(name + ".csr"), "-CA", path(ca + ".crt"), "-CAkey", path(ca + ".key"),
                "-set_serial", Long.toString(System.nanoTime() & 0xffffffffL), "-days", days, "-out", path(name + ".crt"),
                "-extfile", ext.toString());
    }

    private static void openssl(String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        MosquittoBroker.run(command);
    }

    private String path(String file) {
        return folder.resolve(file).toString();
    }

    public Path caCertificate() {
        return folder.resolve("ca.crt");
    }

    /** The certificate {@code server} shows, e.g. to trust a self-signed one as the CA file. */
    public Path certificate(Server server) {
        return folder.resolve(server.file + ".crt");
    }

    public Path clientCertificate() {
        return folder.resolve("client.crt");
    }

    public Path clientKey() {
        return folder.resolve("client.key");
    }

    public Path clientPkcs12() {
        return folder.resolve("client.p12");
    }

    /** Mosquitto lines that turn its listener into TLS with {@code server}'s certificate. */
    public String mosquittoTls(Server server, boolean requireClientCertificate) {
        return "cafile " + caCertificate() + "\ncertfile " + certificate(server) + "\nkeyfile " + path(server.file + ".key")
                + "\nrequire_certificate " + requireClientCertificate + "\n";
    }

    @Override
    public void close() {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp folder is harmless.
        }
    }
}
