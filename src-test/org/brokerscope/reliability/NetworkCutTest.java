package org.brokerscope.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.ProtocolChoice;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The broker becomes unreachable without a clean close: its process is frozen with SIGSTOP, so the
 * socket stays open and simply goes quiet. Keep-alive must notice within 1.5 times its interval, the status
 * bar must say so, and after SIGCONT the app must be back.
 */
class NetworkCutTest {
    private static final int KEEP_ALIVE_S = 2;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path configDir;

    /** MQTT 5 runs on Paho's v5 client, 3.1.1 (the fallback for brokers that refuse 5) on its v3 client. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ProtocolChoice.class, names = {"MQTT_5", "MQTT_3_1_1"})
    void aFrozenBrokerIsNoticedWithinOneAndAHalfKeepAlivesShownAndRejoined(ProtocolChoice protocol) throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start();
             FaultApp app = FaultApp.open(configDir)) {
            ConnectionSettings settings = ConnectionSettings.of(mosquitto.tcpUri(), "cut-monitor");
            app.watch(new ConnectionSettings(settings.serverUri(), settings.clientId(), KEEP_ALIVE_S, true, 0,
                    protocol, settings.credentials(), settings.will()));
            assertEquals(protocol == ProtocolChoice.MQTT_5 ? "5.0" : "3.1.1",
                    app.services().monitor().orElseThrow().negotiated().orElseThrow().protocolVersion());
            // Let a few keep-alive rounds pass, so the cut falls at an arbitrary point of the ping cycle.
            app.frames().takeMaxMillis();
            Thread.sleep(KEEP_ALIVE_S * 1_500L);
            double baselineFrameMax = app.frames().takeMaxMillis();

            long cut = System.nanoTime();
            mosquitto.pause();
            Eventually.await(WAIT, () -> app.state() != ConnectionState.CONNECTED, "the cut was never noticed");
            long detectedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cut);
            Eventually.await(Duration.ofSeconds(10), () -> app.connectionLabel().equals("Connection lost, reconnecting…"),
                    () -> "the status bar says " + app.connectionLabel());

            long resumed = System.nanoTime();
            mosquitto.resume();
            Eventually.await(WAIT, () -> app.state() == ConnectionState.CONNECTED,
                    () -> "no reconnect after SIGCONT; the app says " + app.connectionLabel());
            long rejoinMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - resumed);
            Eventually.await(Duration.ofSeconds(10), () -> app.connectionLabel().equals("Connected"),
                    () -> "the status bar says " + app.connectionLabel());
            double frameMax = app.frames().takeMaxMillis();
            System.out.println("FAULT networkCut protocol=" + protocol + " keepAliveMs=" + KEEP_ALIVE_S * 1000 + " detectedMs=" + detectedMillis
                    + " rejoinAfterResumeMs=" + rejoinMillis + " baselineFrameMaxMs=" + baselineFrameMax + " frameMaxMs=" + frameMax);
            assertTrue(detectedMillis <= KEEP_ALIVE_S * 1_500L,
                    "noticed after " + detectedMillis + " ms, more than 1.5 x the " + KEEP_ALIVE_S + " s keep-alive");
            FaultApp.FrameWatch.assertResponsive(frameMax, baselineFrameMax, "network cut");
        }
    }
}
