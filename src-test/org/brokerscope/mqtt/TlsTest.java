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
    void trustingAnyCertificateConnectsEvenToAnUntrustedOne() throws Exception {
        TlsOptions any = TlsOptions.defaults().trustingAnyCertificate();
        assertTrue(any.weakened(), "the UI must warn");
        try (MosquittoBroker broker = tlsBroker(Server.UNTRUSTED, false);
             BrokerConnection c = BrokerConnections.open(settings(broker, "tls-any", any), m -> { })) {
            c.connect().get(15, TimeUnit.SECONDS);
            assertEquals(ConnectionState.CONNECTED, c.state());
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

    private void assertFailure(Server server, boolean mutual, TlsOptions tls, FailureKind expected) throws Exception {
        try (MosquittoBroker broker = tlsBroker(server, mutual)) {
            ConnectionFailure failure = failure(broker, tls);
            assertEquals(expected, failure.kind(), failure.toString());
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
