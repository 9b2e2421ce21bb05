package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.MessageProperties;
import org.brokerscope.mqtt.PublishOutcome.Kind;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher against a real Mosquitto: what it sends arrives byte-exact at {@code mosquitto_sub}, the
 * broker's PUBACK reason codes come back, its Maximum Packet Size is enforced before sending, and messages
 * published while it is down are delivered after the reconnect.
 */
class PublisherMosquittoTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    // Our reconnect backs off 1, 2, 4 ... s; this covers a few steps on a loaded machine.
    private static final Duration RECONNECT_WAIT = Duration.ofSeconds(40);

    @TempDir
    Path temp;
    private MosquittoBroker mosquitto;
    private final List<BrokerConnection> connections = new ArrayList<>();
    private final ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();

    @AfterEach
    void closeEverything() {
        connections.forEach(BrokerConnection::close);
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void textJsonBinaryFromFileAndOneMegabyteArriveByteExactAtMosquittoSubAndAreRetained() throws Exception {
        mosquitto = MosquittoBroker.start();
        Publisher publisher = publisherOn(connected("pub-bytes", m -> { }));
        byte[] image = new byte[4096];
        new Random(7).nextBytes(image);
        Path file = temp.resolve("image.bin");
        Files.write(file, image);
        byte[] megabyte = new byte[1024 * 1024];
        new Random(11).nextBytes(megabyte);
        List<byte[]> payloads = List.of("Bonjour la classe ☀".getBytes(StandardCharsets.UTF_8),
                "{\"t\": 21.5, \"unit\": \"°C\"}".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file), megabyte);

        for (int i = 0; i < payloads.size(); i++) {
            PublishOutcome outcome = publisher.send(PublishRequest.to("exact/" + i).payload(payloads.get(i)).qos(1)
                    .retained(true).build()).outcome().get(15, TimeUnit.SECONDS);
            assertTrue(outcome.kind().delivered(), outcome.describe());
        }
        // mosquitto_sub connects after the publishes: it can only get them because they were retained.
        for (int i = 0; i < payloads.size(); i++) {
            assertArrayEquals(payloads.get(i), mosquittoSubOne("exact/" + i), "payload " + i);
        }
    }

    @Test
    void mqtt5PropertiesArriveIntact() throws Exception {
        mosquitto = MosquittoBroker.start();
        BrokerConnection subscriber = connected("sub-props", received::add);
        subscriber.subscribe("props/#", 1).get(10, TimeUnit.SECONDS);
        Publisher publisher = publisherOn(connected("pub-props", m -> { }));

        PublishOutcome outcome = publisher.send(PublishRequest.to("props/a").payload(bytes("{\"v\":1}")).qos(1)
                .contentType("application/json").responseTopic("reply/here").correlationData(new byte[] {1, 2, 0, (byte) 255})
                .messageExpirySeconds(3600).payloadIsUtf8(true).userProperty("room", "salon").userProperty("room", "cuisine")
                .userProperty("émoji", "☀").build()).outcome().get(10, TimeUnit.SECONDS);

        assertTrue(outcome.kind().delivered(), outcome.describe());
        Eventually.await(WAIT, () -> !received.isEmpty(), "nothing arrived");
        MessageProperties p = received.peek().properties();
        assertEquals(Optional.of("application/json"), p.contentType());
        assertEquals(Optional.of("reply/here"), p.responseTopic());
        assertArrayEquals(new byte[] {1, 2, 0, (byte) 255}, p.correlationData().orElseThrow());
        // The broker counts the expiry down while it holds the message; a few seconds may have passed.
        long expiry = p.messageExpiryInterval().orElseThrow();
        assertTrue(expiry <= 3600 && expiry > 3590, "expiry " + expiry);
        assertTrue(p.payloadIsUtf8());
        assertEquals(List.of(new MessageProperties.UserProperty("room", "salon"),
                new MessageProperties.UserProperty("room", "cuisine"), new MessageProperties.UserProperty("émoji", "☀")),
                p.userProperties());
    }

    @Test
    void thePubackReasonCodeIsReported() throws Exception {
        mosquitto = MosquittoBroker.start(folder -> {
            Path acl = folder.resolve("acl");
            // Lines before any 'user' line apply to anonymous clients: everything but forbidden/#.
            Files.writeString(acl, "topic readwrite open/#\n");
            MosquittoBroker.readableByAll(folder);
            MosquittoBroker.readableByAll(acl);
            return "allow_anonymous true\nacl_file " + acl + "\n";
        });
        Publisher publisher = publisherOn(connected("pub-codes", m -> { }));

        PublishOutcome nobody = publisher.send(PublishRequest.to("open/nobody").payload(bytes("x")).qos(1).build())
                .outcome().get(10, TimeUnit.SECONDS);
        PublishOutcome forbidden = publisher.send(PublishRequest.to("forbidden/x").payload(bytes("x")).qos(1).build())
                .outcome().get(10, TimeUnit.SECONDS);

        assertEquals(Kind.ACKNOWLEDGED, nobody.kind(), nobody.describe());
        assertEquals(OptionalInt.of(ReasonCodes.NO_MATCHING_SUBSCRIBERS), nobody.reasonCode(), nobody.describe());
        assertEquals(Kind.REJECTED, forbidden.kind(), forbidden.describe());
        assertEquals(OptionalInt.of(0x87), forbidden.reasonCode(), forbidden.describe());
    }

    @Test
    void aPacketOverTheBrokersMaximumIsRefusedBeforeSendingWithTheLimit() throws Exception {
        mosquitto = MosquittoBroker.start(folder -> "allow_anonymous true\nmax_packet_size 1000\n");
        BrokerConnection connection = connected("pub-max", m -> { });
        Publisher publisher = publisherOn(connection);
        assertEquals(Optional.of(1000L), connection.negotiated().orElseThrow().maximumPacketSize());

        PublishOutcome big = publisher.send(PublishRequest.to("big").payload(new byte[2000]).qos(1).build())
                .outcome().get(10, TimeUnit.SECONDS);
        PublishOutcome small = publisher.send(PublishRequest.to("small").payload(new byte[900]).qos(1).build())
                .outcome().get(10, TimeUnit.SECONDS);

        assertEquals(Kind.TOO_LARGE, big.kind(), big.describe());
        assertEquals("1000", big.args().get(1), "the limit is stated");
        assertTrue(small.kind().delivered(), small.describe());
        assertEquals(ConnectionState.CONNECTED, connection.state(), "refusing up front keeps the connection");
    }

    @Test
    void thePacketSizeIsComputedToTheByte() throws Exception {
        mosquitto = MosquittoBroker.start(folder -> "allow_anonymous true\nmax_packet_size 1000\n");
        BrokerConnection connection = connected("pub-exact-size", m -> { });
        Publisher publisher = publisherOn(connection);
        int fits = 0;
        while (PublishPacket.size(PublishRequest.to("edge").payload(new byte[fits + 1]).qos(1).build(), true) <= 1000) {
            fits++;
        }

        // The largest payload we let through must really pass (Mosquitto drops a client over the limit) ...
        PublishOutcome largest = publisher.send(PublishRequest.to("edge").payload(new byte[fits]).qos(1).build())
                .outcome().get(10, TimeUnit.SECONDS);
        PublishOutcome oneMore = publisher.send(PublishRequest.to("edge").payload(new byte[fits + 1]).qos(1).build())
                .outcome().get(10, TimeUnit.SECONDS);

        assertTrue(largest.kind().delivered(), largest.describe());
        assertEquals(ConnectionState.CONNECTED, connection.state());
        // ... and one byte more is the first we refuse.
        assertEquals(Kind.TOO_LARGE, oneMore.kind());
        assertEquals("1001", oneMore.args().getFirst());
    }

    @Test
    void whileOfflineQos1IsQueuedAndDeliveredAfterTheReconnectAndQos0IsRefused() throws Exception {
        mosquitto = MosquittoBroker.start();
        BrokerConnection connection = connected("pub-offline", m -> { });
        Publisher publisher = publisherOn(connection);
        mosquitto.stop();
        Eventually.await(WAIT, () -> connection.state() == ConnectionState.RECONNECTING, () -> "state " + connection.state());

        Publication qos0 = publisher.send(PublishRequest.to("offline/zero").payload(bytes("0")).build());
        List<Publication> queued = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            // Retained, so the subscriber started after the restart gets them whenever they land.
            queued.add(publisher.send(PublishRequest.to("offline/" + i).payload(bytes("m" + i)).qos(i == 3 ? 2 : 1)
                    .retained(true).build()));
        }

        assertEquals(Kind.OFFLINE_QOS0, qos0.outcome().getNow(null).kind());
        assertTrue(queued.stream().allMatch(Publication::queued));
        assertEquals(3, publisher.queuedCount());
        assertEquals(List.of("offline/1", "offline/2", "offline/3"),
                publisher.queued().stream().map(PublishRequest::topic).toList());
        mosquitto.restart();
        for (Publication p : queued) {
            PublishOutcome outcome = p.outcome().get(RECONNECT_WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(outcome.kind().delivered(), outcome.describe());
        }
        assertEquals(0, publisher.queuedCount());
        for (int i = 1; i <= 3; i++) {
            assertArrayEquals(bytes("m" + i), mosquittoSubOne("offline/" + i));
        }
    }

    @Test
    void theOfflineQueueIsBoundedAndSaysWhenFull() throws Exception {
        mosquitto = MosquittoBroker.start();
        BrokerConnection connection = connected("pub-full", m -> { });
        Publisher publisher = new Publisher(() -> Optional.of(connection), 2, Runnable::run);
        mosquitto.stop();
        Eventually.await(WAIT, () -> connection.state() == ConnectionState.RECONNECTING, () -> "state " + connection.state());

        publisher.send(PublishRequest.to("q/1").payload(bytes("1")).qos(1).build());
        publisher.send(PublishRequest.to("q/2").payload(bytes("2")).qos(1).build());
        Publication third = publisher.send(PublishRequest.to("q/3").payload(bytes("3")).qos(1).build());

        PublishOutcome full = third.outcome().getNow(null);
        assertEquals(Kind.QUEUE_FULL, full.kind());
        assertEquals(List.of("2"), full.args());
        assertFalse(third.queued());
    }

    @Test
    void mqtt311RefusesPropertiesUpFrontAndAcknowledgesWithoutReasonCodes() throws Exception {
        mosquitto = MosquittoBroker.start();
        BrokerConnection v3 = new PahoV3Connection(ConnectionSettings.of(mosquitto.tcpUri(), "pub-v3"), m -> { });
        connections.add(v3);
        v3.connect().get(10, TimeUnit.SECONDS);
        Publisher publisher = publisherOn(v3);

        PublishOutcome withProperties = publisher.send(PublishRequest.to("v3/a").payload(bytes("x")).qos(1)
                .contentType("text/plain").build()).outcome().get(10, TimeUnit.SECONDS);
        PublishOutcome plain = publisher.send(PublishRequest.to("v3/a").payload(bytes("x")).qos(1).build())
                .outcome().get(10, TimeUnit.SECONDS);

        assertEquals(Kind.PROPERTIES_NEED_MQTT5, withProperties.kind());
        assertEquals(Kind.ACKNOWLEDGED, plain.kind(), plain.describe());
        assertTrue(plain.reasonCode().isEmpty(), "3.1.1 has no reason codes");
    }

    private Publisher publisherOn(BrokerConnection connection) {
        return new Publisher(() -> Optional.of(connection));
    }

    private BrokerConnection connected(String clientId, MessageSink sink) throws Exception {
        BrokerConnection c = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), clientId), sink);
        connections.add(c);
        c.connect().get(10, TimeUnit.SECONDS);
        return c;
    }

    /** The bytes the real {@code mosquitto_sub} prints for the first message on {@code topic} (-N: no newline added). */
    private byte[] mosquittoSubOne(String topic) throws IOException, InterruptedException {
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(mosquitto.port()),
                "-t", topic, "-C", "1", "-N", "-W", "15").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = sub.getInputStream().readAllBytes();
        assertTrue(sub.waitFor(20, TimeUnit.SECONDS), "mosquitto_sub did not end");
        assertEquals(0, sub.exitValue(), "mosquitto_sub got nothing on " + topic);
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
