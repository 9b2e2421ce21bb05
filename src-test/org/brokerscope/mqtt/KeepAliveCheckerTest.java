package org.brokerscope.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.brokerscope.testing.MosquittoBroker;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;

/**
 * Both Paho clients, v3 (MQTT 3.1.1) and v5, drive the one {@link KeepAliveChecker} through their own
 * ping-sender adapter, against a real Mosquitto: checks run five times per keep-alive interval while
 * connected, and none is scheduled any more once the client is closed. The checks run on the calling
 * thread here, counted; how fast a silent broker is noticed is {@code NetworkCutTest}'s business.
 */
class KeepAliveCheckerTest {
    private static final int KEEP_ALIVE_S = 1;
    private static final long WATCH_MS = 2_000;
    // Paho's own timer would check twice in two 1 s intervals; five per interval make ten. Allow for a loaded machine.
    private static final long AT_LEAST = 6;

    @Test
    void theMqtt311ClientIsCheckedFiveTimesPerIntervalAndNeverAfterClose() throws Exception {
        CountedChecks checks = new CountedChecks();
        try (MosquittoBroker mosquitto = MosquittoBroker.start()) {
            PahoV3PingSender sender = new PahoV3PingSender(new KeepAliveChecker(KEEP_ALIVE_S, checks));
            var client = new org.eclipse.paho.client.mqttv3.MqttAsyncClient(mosquitto.tcpUri(), "keepalive-v3",
                    new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence(), sender, null);
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setKeepAliveInterval(KEEP_ALIVE_S);
            client.connect(options).waitForCompletion(10_000);

            assertChecksRunThenStop("3.1.1", checks, () -> {
                sender.stop(); // as PahoV3Connection does: a ping in flight holds Paho v3's DISCONNECT back (CleanCloseTest)
                client.disconnect().waitForCompletion(10_000);
                client.close();
            });
        }
    }

    @Test
    void theMqtt5ClientIsCheckedFiveTimesPerIntervalAndNeverAfterClose() throws Exception {
        CountedChecks checks = new CountedChecks();
        try (MosquittoBroker mosquitto = MosquittoBroker.start()) {
            PahoV5PingSender sender = new PahoV5PingSender(new KeepAliveChecker(KEEP_ALIVE_S, checks));
            var client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(mosquitto.tcpUri(), "keepalive-v5",
                    new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence(), sender, null);
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setKeepAliveInterval(KEEP_ALIVE_S);
            client.connect(options).waitForCompletion(10_000);

            assertChecksRunThenStop("5", checks, () -> {
                // As PahoV5Connection does: Paho v5 can hold its DISCONNECT back for the whole quiesce timeout
                // (30 s by default) at a 1 s keep-alive, which once outlasted the 10 s wait here.
                sender.stop();
                client.disconnect(0).waitForCompletion(10_000);
                client.close();
            });
        }
    }

    private static void assertChecksRunThenStop(String protocol, CountedChecks checks, PahoClose close) throws Exception {
        long start = checks.count();
        Thread.sleep(WATCH_MS);
        long connected = checks.count() - start;
        assertTrue(connected >= AT_LEAST, "only " + connected + " checks in " + WATCH_MS + " ms at a " + KEEP_ALIVE_S
                + " s keep-alive");

        close.run();
        Thread.sleep(500); // a check scheduled before the close may still come due (and does nothing)
        long afterClose = checks.count();
        Thread.sleep(WATCH_MS);
        assertEquals(afterClose, checks.count(), "keep-alive checks still scheduled after close");
        System.out.printf("keep-alive MQTT %s: %d checks in %d ms connected, 0 in the %d ms after close%n",
                protocol, connected, WATCH_MS, WATCH_MS);
    }

    @FunctionalInterface
    private interface PahoClose {
        void run() throws Exception;
    }

    /** Runs each due check on the JDK timer thread that hands it over, and counts it. */
    private static final class CountedChecks implements Executor {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void execute(Runnable check) {
            count.incrementAndGet();
            check.run();
        }

        long count() {
            return count.get();
        }
    }
}
