package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;

/**
 * Closing a connection, 3.1.1 or 5, is a clean DISCONNECT, at once: the broker must not publish the Last Will
 * (a sensor that was switched off on purpose would show "offline (lost)"), and the window that closes it
 * must not wait. Paho v3 held its DISCONNECT back for the whole quiesce timeout whenever a keep-alive ping
 * was on its way, about every other close at a 1 s keep-alive.
 */
class CleanCloseTest {
    private static final int ROUNDS = 6;
    private static final long FAST_MS = 1_000;

    @Test
    void a311CloseIsQuickAndCleanSoTheWillIsNotSent() throws Exception {
        assertQuickCleanCloses(ProtocolChoice.MQTT_3_1_1, s -> new PahoV3Connection(s, m -> { }));
    }

    @Test
    void mqtt5ClosesAreQuickAndCleanToo() throws Exception {
        assertQuickCleanCloses(ProtocolChoice.MQTT_5, s -> new PahoV5Connection(s, m -> { }));
    }

    private static void assertQuickCleanCloses(ProtocolChoice protocol,
                                               java.util.function.Function<ConnectionSettings, BrokerConnection> open)
            throws Exception {
        List<Long> closeMillis = new ArrayList<>();
        AtomicInteger wills = new AtomicInteger();
        try (MosquittoBroker mosquitto = MosquittoBroker.start();
             BrokerConnection watcher = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "v3close-watcher"),
                     m -> wills.incrementAndGet())) {
            watcher.connect().get(10, TimeUnit.SECONDS);
            watcher.subscribe("v3close/will", 0).get(10, TimeUnit.SECONDS);
            for (int round = 0; round < ROUNDS; round++) {
                ConnectionSettings settings = new ConnectionSettings(mosquitto.tcpUri(), "v3close-" + round, 1, true, 0,
                        protocol, Optional.empty(),
                        Optional.of(new LastWill("v3close/will", "lost".getBytes(StandardCharsets.UTF_8), 0, false)));
                BrokerConnection connection = open.apply(settings);
                connection.connect().get(10, TimeUnit.SECONDS);
                Thread.sleep(2_000); // a 2 s wait hit the ping in flight in about half the closes (measured)
                long start = System.nanoTime();
                connection.close();
                closeMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            Thread.sleep(1_000); // a will comes at once after an unclean end
        }
        System.out.println(protocol + " close ms " + closeMillis + ", wills " + wills.get());
        assertTrue(closeMillis.stream().allMatch(ms -> ms < FAST_MS), "closes took " + closeMillis + " ms");
        assertEquals(0, wills.get(), "the broker published the will of a cleanly closed client");
    }
}
