package org.brokerscope.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.brokerscope.AppStatus;
import org.brokerscope.broker.BrokerOptions;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.TopicNode;
import org.brokerscope.domain.Topics;
import org.brokerscope.domain.rooms.RoomsModel;
import org.brokerscope.graph.ClientVertex;
import org.brokerscope.graph.GraphModel;
import org.brokerscope.graph.Particles;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.ingest.rooms.RoomsFeed;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.testing.Eventually;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;
import org.brokerscope.ui.topics.SubscriptionsViewModel;
import org.brokerscope.ui.topics.TopicsScreen;
import org.brokerscope.ui.topics.TopicsViewModel;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Topics at the protocol's limits through the app's own broker (embedded HiveMQ: Mosquitto drops
 * publishes deeper than 200 levels without a word) into the topic tree, the rooms model, the graph model
 * and the Topics view in a real window. Every topic must arrive, be found and be selectable, with no
 * exception anywhere and no frame longer than a second while the deepest topics are shown.
 */
class TopicLimitsTest {
    private static final long WAIT_S = 30;

    private static Map<String, String> topics() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("x".repeat(Topics.MAX_BYTES), "65,535 bytes, one level");
        t.put("é".repeat(32_767) + "x", "65,535 bytes of two-byte characters");
        t.put(String.join("/", Collections.nCopies(32_768, "a")), "65,535 bytes, 32,768 levels");
        t.put("/".repeat(Topics.MAX_BYTES), "65,535 slashes: 65,536 empty levels");
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            levels.add("l" + i);
        }
        t.put(String.join("/", levels), "1,000 levels");
        t.put(String.join("/", levels.subList(0, 999)) + "/temperature", "1,000 levels ending in a measure");
        for (String odd : List.of("a//b", "/a", "a/", "/", "//", "///temperature", "/salon/temperature",
                "maison//temperature", "maison/séjour/température", "maison/salle de bain/humidité",
                "🏠/🛋️/🌡️", "家/客厅/温度", "家/寝室/temperature", "Ünïcödé/ÇÀÉÈ/œuvre", " / /temperature")) {
            t.put(odd, "odd: " + odd);
        }
        return t;
    }

    @Test
    void topicsAtTheLimitsReachTreeRoomsGraphAndWindowWithoutAnException() throws Exception {
        Map<String, String> topics = topics();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        RoomsFeed rooms = new RoomsFeed(new RoomsModel(RoomsModel.Options.defaults()), scheduler, Clock.systemUTC(), Optional::empty);
        try (UncaughtExceptions uncaught = new UncaughtExceptions();
             EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.onPort(0));
             IngestPipeline pipeline = IngestPipeline.withDefaults().observe(rooms).start();
             PahoV5Connection monitor = new PahoV5Connection(ConnectionSettings.of(broker.endpoint().tcpUri(), "limits-monitor"), pipeline);
             PahoV5Connection publisher = new PahoV5Connection(ConnectionSettings.of(broker.endpoint().tcpUri(), "limits-pub"), m -> { })) {
            uncaught.install(); // HiveMQ put its own handler in on start
            monitor.connect().get(WAIT_S, TimeUnit.SECONDS);
            monitor.subscribe("#", 1).get(WAIT_S, TimeUnit.SECONDS);
            publisher.connect().get(WAIT_S, TimeUnit.SECONDS);
            for (String topic : topics.keySet()) {
                publisher.publish(topic, "21.5".getBytes(StandardCharsets.UTF_8), 1, false).get(WAIT_S, TimeUnit.SECONDS);
            }
            Eventually.await(Duration.ofSeconds(WAIT_S), () -> pipeline.stats().applied() >= topics.size(), () -> "" + pipeline.stats());
            assertEquals(topics.size(), pipeline.stats().applied());
            assertEquals(0, pipeline.stats().failed());
            assertEquals(0, pipeline.stats().dropped());
            for (Map.Entry<String, String> t : topics.entrySet()) {
                Message last = pipeline.query(tree -> tree.find(t.getKey()).flatMap(TopicNode::lastMessage).orElse(null))
                        .get(WAIT_S, TimeUnit.SECONDS);
                assertNotNull(last, "in the topic tree: " + t.getValue());
                assertArrayEquals("21.5".getBytes(StandardCharsets.UTF_8), last.payload(), t.getValue());
            }
            int levels = pipeline.query(tree -> {
                int[] n = {0};
                tree.forEachLevel(node -> n[0]++);
                return n[0];
            }).get(WAIT_S, TimeUnit.SECONDS);
            rooms.refresh();
            GraphModel graph = graph(topics);
            long longestFrameMs = showInWindow(pipeline, monitor, topics);
            System.out.printf("topic limits: %d topics, %d tree levels, %d rooms, %d graph vertices, longest frame %d ms,"
                    + " uncaught %d%n", topics.size(), levels, rooms.snapshot().rooms().size(), graph.topics().size(),
                    longestFrameMs, uncaught.seen().size());
            assertTrue(longestFrameMs < 1_000, "the window froze for " + longestFrameMs + " ms");
            assertEquals(List.of(), uncaught.seen());
        } finally {
            rooms.close();
            scheduler.shutdownNow();
        }
    }

    private static GraphModel graph(Map<String, String> topics) {
        GraphModel graph = GraphModel.external("Broker", new ClientVertex("me", ClientVertex.Kind.THIS_APP, "me"), new Particles(40, 900));
        long now = System.nanoTime();
        topics.keySet().forEach(t -> graph.applyTopic(t, 1, now));
        graph.step(now);
        graph.step(now + 16_000_000);
        for (Map.Entry<String, String> t : topics.entrySet()) {
            assertNotNull(graph.topic(t.getKey()), "in the graph: " + t.getValue());
        }
        return graph;
    }

    /** The Topics view fed by the pipeline; selects every topic, deepest included; returns the longest frame gap. */
    private static long showInWindow(IngestPipeline pipeline, PahoV5Connection monitor, Map<String, String> topics) throws Exception {
        pipeline.resendAll();
        I18n i18n = I18n.forLanguage("en");
        var background = Executors.newSingleThreadExecutor();
        TopicsViewModel model = new TopicsViewModel(i18n, pipeline, () -> Optional.<BrokerConnection>of(monitor), background, t -> { });
        TopicsScreen screen = new TopicsScreen(model, new SubscriptionsViewModel(() -> Optional.<BrokerConnection>of(monitor)), i18n);
        AtomicLong last = new AtomicLong();
        AtomicLong longest = new AtomicLong();
        Stage[] stage = new Stage[1];
        AnimationTimer[] pump = new AnimationTimer[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            stage[0] = new Stage();
            Scene scene = new Scene(screen.view(), 1100, 700);
            // The view's sheet looks up colours the app's sheet defines, as in the app's window.
            scene.getStylesheets().add(0, org.brokerscope.BrokerscopeApp.stylesheet());
            stage[0].setScene(scene);
            stage[0].show();
            pump[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (last.get() != 0) {
                        longest.accumulateAndGet((now - last.get()) / 1_000_000, Math::max);
                    }
                    last.set(now);
                    screen.onFrame(new Frame(now, AppStatus.IDLE, monitor.state(), pipeline.stats(), pipeline.takeChanges()));
                }
            };
            pump[0].start();
        });
        try {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(500);
            long filling = longest.getAndSet(0);
            System.out.println("topic limits: longest frame while the tree filled: " + filling + " ms");
            for (Map.Entry<String, String> t : topics.entrySet()) {
                long before = longest.get();
                WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS,
                        () -> WaitForAsyncUtils.asyncFx(() -> model.select(t.getKey())).get());
                WaitForAsyncUtils.waitForFxEvents();
                String shown = WaitForAsyncUtils.asyncFx(() -> model.inspector().messageProperty().get().topic()).get();
                assertEquals(t.getKey(), shown, "the inspector shows " + t.getValue());
                Thread.sleep(100);
                WaitForAsyncUtils.waitForFxEvents();
                if (longest.get() > before) {
                    System.out.printf("topic limits: longest frame now %d ms, after selecting %s%n", longest.get(), t.getValue());
                }
            }
            return Math.max(filling, longest.get());
        } finally {
            FxToolkit.setupFixture(() -> {
                pump[0].stop();
                stage[0].close();
            });
            background.shutdownNow();
        }
    }
}
