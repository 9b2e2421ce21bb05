package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.Message;
import org.brokerscope.testing.AedesBroker;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.testing.ThreadWatch;
import org.junit.jupiter.api.Test;

class AutoProtocolTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void autoFallsBackTo311OnAedesAndReceivesMessages() throws Exception {
        ThreadWatch watch = ThreadWatch.snapshot();
        ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();
        try (AedesBroker aedes = AedesBroker.start();
             BrokerConnection monitor = BrokerConnections.open(ConnectionSettings.of(aedes.tcpUri(), "auto-monitor"),
                     received::add);
             BrokerConnection publisher = BrokerConnections.open(
                     ConnectionSettings.of(aedes.tcpUri(), "auto-pub"), m -> { })) {
            monitor.connect().get(20, TimeUnit.SECONDS);
            assertEquals("3.1.1", monitor.negotiated().orElseThrow().protocolVersion());
            monitor.subscribe("maison/#", 1).get(10, TimeUnit.SECONDS);
            publisher.connect().get(20, TimeUnit.SECONDS);
            publisher.publish("maison/cuisine/temperature", "21.5".getBytes(StandardCharsets.UTF_8), 1, false)
                    .get(10, TimeUnit.SECONDS);

            Eventually.await(WAIT, () -> received.stream()
                    .anyMatch(m -> "21.5".equals(new String(m.payload(), StandardCharsets.UTF_8))),
                    "the 3.1.1 fallback connection received nothing from aedes");
        }
        watch.awaitNoneLeft(WAIT, ThreadWatch.mqttClientThreads(), "MQTT threads after the fallback and close()");
    }

    @Test
    void autoKeepsMqtt5WhereTheBrokerSpeaksItAndReportsTheConnack() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start();
             BrokerConnection connection = BrokerConnections.open(
                     ConnectionSettings.of(mosquitto.tcpUri(), "auto-v5"), m -> { })) {
            connection.connect().get(10, TimeUnit.SECONDS);

            NegotiatedSession granted = connection.negotiated().orElseThrow();
            assertEquals("5.0", granted.protocolVersion());
            // Mosquitto 2.0 announces its topic alias maximum (10) in every v5 CONNACK.
            assertTrue(granted.topicAliasMaximum().isPresent(), "CONNACK properties were not read: " + granted);
        }
    }

    @Test
    void explicit311OnMosquittoNegotiates311() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start();
             BrokerConnection connection = BrokerConnections.open(ConnectionSettings.of(mosquitto.tcpUri(), "v311")
                     .withProtocol(ProtocolChoice.MQTT_3_1_1), m -> { })) {
            connection.connect().get(10, TimeUnit.SECONDS);

            assertEquals(NegotiatedSession.mqtt311(), connection.negotiated().orElseThrow());
        }
    }
}
