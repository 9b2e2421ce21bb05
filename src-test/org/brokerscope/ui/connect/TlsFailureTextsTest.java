package org.brokerscope.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.BrokerConnections;
import org.brokerscope.mqtt.ConnectionFailure;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.FailureKind;
import org.brokerscope.mqtt.TlsOptions;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.testing.TestPki;
import org.brokerscope.testing.TestPki.Server;
import org.brokerscope.ui.I18n;
import org.junit.jupiter.api.Test;

/**
 * Issue #11: expired, self-signed, wrong-host and wrong-CA certificates are each rejected with a message of
 * their own. Each is produced for real against a Mosquitto TLS listener, with certificate checks on as by
 * default and our test CA as the CA file, and put into words as the Connect dialog does.
 */
class TlsFailureTextsTest {

    @Test
    void theFourRejectedCertificatesGiveFourKindsAndFourSentencesInEnglishAndFrench() {
        Map<Server, FailureKind> expected = new EnumMap<>(Map.of(Server.EXPIRED, FailureKind.TLS_EXPIRED,
                Server.SELF_SIGNED, FailureKind.TLS_SELF_SIGNED, Server.WRONG_NAME, FailureKind.TLS_HOSTNAME_MISMATCH,
                Server.UNTRUSTED, FailureKind.TLS_UNTRUSTED));
        ConnectTexts english = new ConnectTexts(I18n.forLanguage("en"));
        ConnectTexts french = new ConnectTexts(I18n.forLanguage("fr"));
        Set<String> englishTexts = new HashSet<>();
        Set<String> frenchTexts = new HashSet<>();
        try (TestPki pki = TestPki.create()) {
            for (Map.Entry<Server, FailureKind> entry : expected.entrySet()) {
                ConnectionFailure failure = failure(pki, entry.getKey());
                assertEquals(entry.getValue(), failure.kind(), entry.getKey() + ": " + failure);
                englishTexts.add(english.failure(failure));
                frenchTexts.add(french.failure(failure));
                assertNotEquals(english.failure(failure), french.failure(failure), "not translated: " + failure.kind());
            }
        }
        assertEquals(4, englishTexts.size(), englishTexts.toString());
        assertEquals(4, frenchTexts.size(), frenchTexts.toString());
    }

    private static ConnectionFailure failure(TestPki pki, Server server) {
        try (MosquittoBroker broker = MosquittoBroker.start(folder -> "allow_anonymous true\n"
                + pki.mosquittoTls(server, false));
             BrokerConnection c = BrokerConnections.open(ConnectionSettings.of("ssl://127.0.0.1:" + broker.port(),
                     "tls-texts").withTls(TlsOptions.defaults().withCaFile(pki.caCertificate())), m -> { })) {
            assertThrows(ExecutionException.class, () -> c.connect().get(15, TimeUnit.SECONDS));
            return c.lastFailure().orElseThrow();
        }
    }
}
