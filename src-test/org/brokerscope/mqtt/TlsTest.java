package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.Message;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.testing.TestPki;
import org.brokerscope.testing.TestPki.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TLS against a real Mosquitto TLS listener, with certificates made by openssl for this test. */
class TlsTest {
    private static TestPki pki;

    @BeforeAll
    static void makeCertificates() {
        pki = TestPki.create();
    }

    @AfterAll
    static void removeCertificates() {
        pki.close();
    }

    @Test
    void aBrokerSignedByTheGivenCaConnectsAndCarriesMessages() throws Exception {
        ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();
        try (MosquittoBroker broker = tlsBroker(Server.GOOD, false);
             BrokerConnection c = BrokerConnections.open(settings(broker, "tls-ok", TlsOptions.defaults()
                     .withCaFile(pki.caCertificate())), received::add)) {
            c.connect().get(15, TimeUnit.SECONDS);
            c.subscribe("tls/#", 1).get(10, TimeUnit.SECONDS);
            c.publish("tls/x", "secret".getBytes(StandardCharsets.UTF_8), 1, false).get(10, TimeUnit.SECONDS);

            Eventually.await(Duration.ofSeconds(10), () -> !received.isEmpty(), "nothing came back over TLS");
        }
    }

    @Test
    void aCaTheClientDoesNotKnowIsUntrusted() throws Exception {
        assertFailure(Server.UNTRUSTED, false, TlsOptions.defaults().withCaFile(pki.caCertificate()), FailureKind.TLS_UNTRUSTED);
    }

    @Test
    void withoutTheCaFileOnlyTheJvmStoreIsUsedAndOurTestCaIsUntrusted() throws Exception {
        assertFailure(Server.GOOD, false, TlsOptions.defaults(), FailureKind.TLS_UNTRUSTED);
    }

    @Test
    void aCertificateForAnotherNameIsAHostnameMismatch() throws Exception {
        assertFailure(Server.WRONG_NAME, false, TlsOptions.defaults().withCaFile(pki.caCertificate()),
                FailureKind.TLS_HOSTNAME_MISMATCH);
    }

    @Test
    void turningHostnameVerificationOffConnectsToTheWrongName() throws Exception {
        try (MosquittoBroker broker = tlsBroker(Server.WRONG_NAME, false);
             BrokerConnection c = BrokerConnections.open(settings(broker, "tls-noverify", TlsOptions.defaults()
                     .withCaFile(pki.caCertificate()).withoutHostnameVerification()), m -> { })) {
            c.connect().get(15, TimeUnit.SECONDS);
            assertEquals(ConnectionState.CONNECTED, c.state());
        }
    }

    @Test
    void anExpiredCertificateIsExpired() throws Exception {
        assertFailure(Server.EXPIRED, false, TlsOptions.defaults().withCaFile(pki.caCertificate()), FailureKind.TLS_EXPIRED);
    }

    @Test
    void aSelfSignedCertificateIsSelfSignedWithOrWithoutACaFile() throws Exception {
        ConnectionFailure failure = assertFailure(Server.SELF_SIGNED, false, TlsOptions.defaults(),
                FailureKind.TLS_SELF_SIGNED);
        // The dialog's details name the certificate and its fingerprint, so the user can check the file they trust.
        assertTrue(failure.detail().contains("self-signed certificate CN=localhost (SHA-256 "), failure.detail());
        assertFailure(Server.SELF_SIGNED, false, TlsOptions.defaults().withCaFile(pki.caCertificate()),
                FailureKind.TLS_SELF_SIGNED);
    }

    @Test
    void trustingTheSelfSignedCertificateItselfAsTheCaFileConnects() throws Exception {
        try (MosquittoBroker broker = tlsBroker(Server.SELF_SIGNED, false);
             BrokerConnection c = BrokerConnections.open(settings(broker, "tls-pinned", TlsOptions.defaults()
                     .withCaFile(pki.certificate(Server.SELF_SIGNED))), m -> { })) {
            c.connect().get(15, TimeUnit.SECONDS);
            assertEquals(ConnectionState.CONNECTED, c.state());
        }
    }

    /**
     * Not trusted yet, an expired self-signed certificate is reported as self-signed: trusting it is the first
     * step either way (the detail says it expired too). Once trusted it is expired, although the JDK checks no
     * dates on a trust anchor.
     */
    @Test
    void anExpiredSelfSignedCertificateIsSelfSignedUntilTrustedThenExpired() throws Exception {
        ConnectionFailure untrusted = assertFailure(Server.SELF_SIGNED_EXPIRED, false, TlsOptions.defaults(),
                FailureKind.TLS_SELF_SIGNED);
        assertTrue(untrusted.detail().contains("it also expired on"), untrusted.detail());
        assertFailure(Server.SELF_SIGNED_EXPIRED, false,
                TlsOptions.defaults().withCaFile(pki.certificate(Server.SELF_SIGNED_EXPIRED)), FailureKind.TLS_EXPIRED);
    }

    @Test
    void aTrustedSelfSignedCertificateForAnotherNameIsAHostnameMismatch() throws Exception {
        assertFailure(Server.SELF_SIGNED_WRONG_NAME, false,
                TlsOptions.defaults().withCaFile(pki.certificate(Server.SELF_SIGNED_WRONG_NAME)),
                FailureKind.TLS_HOSTNAME_MISMATCH);
    }

    @Test
    void trustingAnyCertificateConnectsEvenToAnUntrustedOrSelfSignedOne() throws Exception {
        TlsOptions any = TlsOptions.defaults().trustingAnyCertificate();
        assertTrue(any.weakened(), "the UI must warn");
        // The self-signed message offers this choice, so it must work there too.
        for (Server server : new Server[] {Server.UNTRUSTED, Server.SELF_SIGNED}) {
            try (MosquittoBroker broker = tlsBroker(server, false);
                 BrokerConnection c = BrokerConnections.open(settings(broker, "tls-any", any), m -> { })) {
                c.connect().get(15, TimeUnit.SECONDS);
                assertEquals(ConnectionState.CONNECTED, c.state(), server.name());
            }
        }
    }

    @Test
    void mutualTlsWithAPemClientCertificateConnects() throws Exception {
        assertMutualTlsConnects(ClientCertificate.pem(pki.clientCertificate(), pki.clientKey()));
    }

    @Test
    void mutualTlsWithAPkcs12ClientCertificateConnects() throws Exception {
        assertMutualTlsConnects(ClientCertificate.pkcs12(pki.clientPkcs12(), TestPki.PKCS12_PASSWORD.toCharArray()));
    }

    @Test
    void mutualTlsWithoutAClientCertificateSaysTheBrokerWantsOne() throws Exception {
        assertFailure(Server.GOOD, true, TlsOptions.defaults().withCaFile(pki.caCertificate()),
                FailureKind.TLS_CLIENT_CERTIFICATE);
    }

    @Test
    void aWrongPkcs12PasswordOrAMissingCaFileIsAFileProblemNamingTheFile() throws Exception {
        try (MosquittoBroker broker = tlsBroker(Server.GOOD, true)) {
            TlsOptions wrongPassword = TlsOptions.defaults().withCaFile(pki.caCertificate())
                    .withClientCertificate(ClientCertificate.pkcs12(pki.clientPkcs12(), "nope".toCharArray()));
            ConnectionFailure failure = failure(broker, wrongPassword);
            assertEquals(FailureKind.TLS_FILES, failure.kind(), failure.toString());
            assertTrue(failure.detail().contains("client.p12"), failure.detail());

            Path missing = Path.of("/nonexistent/brokerscope-ca.pem");
            ConnectionFailure noFile = failure(broker, TlsOptions.defaults().withCaFile(missing));
            assertEquals(FailureKind.TLS_FILES, noFile.kind(), noFile.toString());
            assertTrue(noFile.detail().contains(missing.toString()), noFile.detail());
            assertFalse(noFile.detail().contains(TestPki.PKCS12_PASSWORD));
        }
    }

    private void assertMutualTlsConnects(ClientCertificate certificate) throws Exception {
        try (MosquittoBroker broker = tlsBroker(Server.GOOD, true);
             BrokerConnection c = BrokerConnections.open(settings(broker, "tls-mutual", TlsOptions.defaults()
                     .withCaFile(pki.caCertificate()).withClientCertificate(certificate)), m -> { })) {
            c.connect().get(15, TimeUnit.SECONDS);
            assertEquals(ConnectionState.CONNECTED, c.state());
        }
    }

    private ConnectionFailure assertFailure(Server server, boolean mutual, TlsOptions tls, FailureKind expected) {
        try (MosquittoBroker broker = tlsBroker(server, mutual)) {
            ConnectionFailure failure = failure(broker, tls);
            assertEquals(expected, failure.kind(), failure.toString());
            return failure;
        }
    }

    private static ConnectionFailure failure(MosquittoBroker broker, TlsOptions tls) {
        try (BrokerConnection c = BrokerConnections.open(settings(broker, "tls-fail", tls), m -> { })) {
            assertThrows(ExecutionException.class, () -> c.connect().get(15, TimeUnit.SECONDS));
            assertEquals(ConnectionState.FAILED, c.state());
            return c.lastFailure().orElseThrow();
        }
    }

    private static MosquittoBroker tlsBroker(Server server, boolean mutual) {
        return MosquittoBroker.start(folder -> "allow_anonymous true\n" + pki.mosquittoTls(server, mutual));
    }

    private static ConnectionSettings settings(MosquittoBroker broker, String clientId, TlsOptions tls) {
        return ConnectionSettings.of("ssl://127.0.0.1:" + broker.port(), clientId).withTls(tls);
    }
}
