package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.brokerscope.broker.BrokerOptions;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.MessageProperties;
import org.brokerscope.mqtt.PublishOutcome.Kind;
import org.brokerscope.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The publisher against the embedded HiveMQ, the broker the app runs by default. One broker for all tests. */
class PublisherHiveMqTest {
    private static EmbeddedBroker broker;
    private static BrokerConnection publisherConnection;
    private static BrokerConnection subscriber;
    private static final ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(BrokerOptions.onPort(0));
        String uri = broker.endpoint().tcpUri();
        publisherConnection = new PahoV5Connection(ConnectionSettings.of(uri, "hive-pub"), m -> { });
        publisherConnection.connect().get(15, TimeUnit.SECONDS);
        subscriber = new PahoV5Connection(ConnectionSettings.of(uri, "hive-sub"), received::add);
        subscriber.connect().get(15, TimeUnit.SECONDS);
        subscriber.subscribe("watched/#", 2).get(15, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        subscriber.close();
        publisherConnection.close();
        broker.close();
    }

    @Test
    void noMatchingSubscribersComesBackAsReasonCode0x10ForQos1() throws Exception {
        PublishOutcome outcome = send(PublishRequest.to("nobody/listens").payload(bytes("x")).qos(1).build());

        assertEquals(Kind.ACKNOWLEDGED, outcome.kind(), outcome.describe());
        assertEquals(OptionalInt.of(ReasonCodes.NO_MATCHING_SUBSCRIBERS), outcome.reasonCode(), outcome.describe());
    }

    @Test
    void atQos2TheNoSubscribersCodeOfThePubrecIsShownThoughThePubcompSaysSuccess() throws Exception {
        PublishOutcome outcome = send(PublishRequest.to("nobody/listens/two").payload(bytes("x")).qos(2).build());

        assertEquals(Kind.ACKNOWLEDGED, outcome.kind(), outcome.describe());
        assertEquals(OptionalInt.of(ReasonCodes.NO_MATCHING_SUBSCRIBERS), outcome.reasonCode(), outcome.describe());
    }

    @Test
    void aWatchedTopicIsAcknowledgedWithSuccessAtQos1AndQos2() throws Exception {
        PublishOutcome qos1 = send(PublishRequest.to("watched/a").payload(bytes("1")).qos(1).build());
        PublishOutcome qos2 = send(PublishRequest.to("watched/b").payload(bytes("2")).qos(2).build());

        assertEquals(Kind.ACKNOWLEDGED, qos1.kind(), qos1.describe());
        assertEquals(ReasonCodes.SUCCESS, qos1.reasonCode().orElse(ReasonCodes.SUCCESS), qos1.describe());
        assertEquals(Kind.ACKNOWLEDGED, qos2.kind(), qos2.describe());
        assertEquals(Kind.SENT, send(PublishRequest.to("watched/c").payload(bytes("0")).build()).kind());
    }

    @Test
    void mqtt5PropertiesArriveIntact() throws Exception {
        send(PublishRequest.to("watched/props").payload(bytes("p")).qos(1).contentType("text/plain")
                .responseTopic("watched/reply").correlationData(bytes("id-42")).messageExpirySeconds(120)
                .payloadIsUtf8(true).userProperty("k", "v").build());

        Eventually.await(Duration.ofSeconds(15), () -> received.stream().anyMatch(m -> m.topic().equals("watched/props")),
                "the message did not arrive");
        MessageProperties p = received.stream().filter(m -> m.topic().equals("watched/props")).findFirst()
                .orElseThrow().properties();
        assertEquals(Optional.of("text/plain"), p.contentType());
        assertEquals(Optional.of("watched/reply"), p.responseTopic());
        assertArrayEquals(bytes("id-42"), p.correlationData().orElseThrow());
        assertTrue(p.messageExpiryInterval().orElseThrow() <= 120);
        assertTrue(p.payloadIsUtf8());
        assertEquals(List.of(new MessageProperties.UserProperty("k", "v")), p.userProperties());
    }

    private static PublishOutcome send(PublishRequest request) throws Exception {
        return new Publisher(() -> Optional.of(publisherConnection)).send(request).outcome().get(15, TimeUnit.SECONDS);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
