package org.brokerscope.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

/**
 * Sharing the embedded broker on the network, for real: clients connect to this machine's own
 * non-loopback address, so they come in through the network listener, not through loopback.
 */
class SharingTest {

    @Test
    void sharedWithCredentialsRefusesStrangersAdmitsStudentsAndClosesAgain() throws Exception {
        List<String> lan = LanAddresses.list();
        assertFalse(lan.isEmpty(), "this test needs a non-loopback IPv4 address on the machine");
        String address = lan.get(0);
        try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.onPort(0))) {
            String lanUri = "tcp://" + address + ":" + broker.endpoint().port();
            assertThrows(MqttException.class, () -> connect(lanUri, "before", null, null),
                    "loopback only by default: nothing listens on " + lanUri);

            broker.share(true, Optional.of(new SharedCredentials("classe", "tournesol")));
            assertTrue(broker.isShared());
            MqttException refused = assertThrows(MqttException.class, () -> connect(lanUri, "stranger", null, null));
            assertEquals(134, refused.getReasonCode(), "Bad user name or password: " + refused);
            assertThrows(MqttException.class, () -> connect(lanUri, "guesser", "classe", "tulipe"));
            MqttClient student = connect(lanUri, "eleve", "classe", "tournesol");
            assertTrue(student.isConnected());
            student.disconnect();
            student.close();
            // The app's own clients on loopback need no password.
            MqttClient local = connect(broker.endpoint().tcpUri(), "local", null, null);
            local.disconnect();
            local.close();

            broker.share(false, Optional.empty());
            assertFalse(broker.isShared());
            assertThrows(MqttException.class, () -> connect(lanUri, "after", "classe", "tournesol"),
                    "sharing off closes the network listener");
            MqttClient stillLocal = connect(broker.endpoint().tcpUri(), "local2", null, null);
            assertTrue(stillLocal.isConnected(), "loopback works again on the same port");
            stillLocal.disconnect();
            stillLocal.close();
        }
    }

    private static MqttClient connect(String uri, String clientId, String user, String password) throws MqttException {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setConnectionTimeout(10);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            client.connect(options);
            return client;
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
    }
}
