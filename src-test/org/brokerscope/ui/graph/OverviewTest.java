package org.brokerscope.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.brokerscope.AppStatus;
import org.brokerscope.broker.BrokerOptions;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.graph.BrokerFigures;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;
import org.junit.jupiter.api.Test;

/**
 * The broker overview fed by frames from the real ingest path: a real Mosquitto publishing {@code $SYS}
 * every second, the embedded HiveMQ seen as an external broker (no {@code $SYS}), and the embedded
 * broker's figures from its extension.
 */
class OverviewTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final I18n i18n = I18n.forLanguage("en");

    @Test
    void mosquittoSysTopicsBecomeVersionUptimeClientsRatesCountsAndSubscriptions() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start(folder -> "allow_anonymous true\nsys_interval 1\n");
             IngestPipeline ingest = IngestPipeline.withDefaults().start();
             BrokerConnection monitor = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "overview-monitor"), ingest);
             BrokerConnection sensor = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "overview-sensor"), m -> { })) {
            monitor.connect().get(10, TimeUnit.SECONDS);
            sensor.connect().get(10, TimeUnit.SECONDS);
            sensor.publish("classe/consigne", "20".getBytes(StandardCharsets.UTF_8), 1, true).get(10, TimeUnit.SECONDS);
            OverviewViewModel overview = new OverviewViewModel(i18n, () -> Optional.of(monitor));
            Eventually.await(WAIT, () -> {
                sensor.publish("classe/lumiere", "500".getBytes(StandardCharsets.UTF_8), 0, false);
                feed(overview, ingest);
                BrokerFigures f = overview.figuresProperty().get();
                return f.version().isPresent() && f.uptimeSeconds().isPresent() && f.clients().orElse(0L) >= 2
                        && f.messagesInPerSecond().orElse(0.0) > 0 && f.bytesInPerSecond().orElse(0.0) > 0
                        && f.messagesOutPerSecond().isPresent() && f.retained().orElse(0L) >= 1
                        && f.stored().isPresent() && f.subscriptions().orElse(0L) >= 1;
            }, () -> "figures so far: " + overview.figuresProperty().get());
            BrokerFigures f = overview.figuresProperty().get();
            assertTrue(f.version().get().startsWith("mosquitto version"), f.version().get());
            assertEquals(i18n.text("graph.overview.fromSys"), overview.sourceProperty().get());
        }
    }

    @Test
    void aBrokerWithoutSysIsSaidToHaveNoneAndTheEmbeddedOneReportsThroughItsExtension() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.onPort(0));
             IngestPipeline ingest = IngestPipeline.withDefaults().start();
             BrokerConnection monitor = new PahoV5Connection(ConnectionSettings.of(broker.endpoint().tcpUri(), "watcher"), ingest)) {
            monitor.connect().get(10, TimeUnit.SECONDS);
            monitor.subscribe("#", 0).get(10, TimeUnit.SECONDS);
            OverviewViewModel external = new OverviewViewModel(i18n, () -> Optional.of(monitor), 2_000_000_000L);
            Eventually.await(WAIT, () -> {
                feed(external, ingest);
                return external.sourceProperty().get().equals(i18n.text("graph.overview.noSys"));
            }, () -> external.sourceProperty().get());
            assertEquals(BrokerFigures.NONE, external.figuresProperty().get(), "nothing made up");

            OverviewViewModel embedded = new OverviewViewModel(i18n, Optional::empty);
            Eventually.await(WAIT, () -> {
                monitor.publish("classe/lumiere", "500".getBytes(StandardCharsets.UTF_8), 0, false);
                embedded.onFrame(frame(ingest), Optional.of(broker));
                BrokerFigures f = embedded.figuresProperty().get();
                // "#" and the "$SYS/#" the external overview asked for above.
                return f.clients().orElse(0L) == 1 && f.subscriptions().orElse(0L) == 2
                        && f.messagesInPerSecond().orElse(0.0) > 0 && f.messagesOutPerSecond().orElse(0.0) > 0;
            }, () -> "figures so far: " + embedded.figuresProperty().get());
            assertTrue(embedded.figuresProperty().get().version().get().startsWith("HiveMQ CE"));
            assertTrue(embedded.figuresProperty().get().retained().isEmpty(), "not reported rather than guessed");
        }
    }

    private static void feed(OverviewViewModel overview, IngestPipeline ingest) {
        overview.onFrame(frame(ingest), Optional.empty());
    }

    private static Frame frame(IngestPipeline ingest) {
        try {
            Thread.sleep(100); // about six frames' worth of messages per call
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Frame(System.nanoTime(), AppStatus.IDLE, ConnectionState.CONNECTED, ingest.stats(), ingest.takeChanges());
    }
}
