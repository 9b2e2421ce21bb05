package org.brokerscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.brokerscope.AppStatus.Phase;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.settings.AppSettings;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.ThreadWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everything below the UI, for real: embedded HiveMQ, the monitoring connection, the ingest thread and
 * the demo house. The thread checks matter because a non-daemon thread left behind keeps the JVM alive
 * after the window closes.
 */
class AppServicesTest {
    private static final String TOPIC = "maison/salon/temperature";
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration DATA_WAIT = Duration.ofSeconds(20);
    private static final Duration THREADS_END = Duration.ofSeconds(10);

    private ThreadWatch watch;
    private ExecutorService executor;
    private AppServices services;

    @BeforeEach
    void recordThreads() {
        watch = ThreadWatch.snapshot();
        executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("test-app-start").factory());
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        if (services != null) {
            services.close();
        }
        stopExecutor();
    }

    @Test
    void runsBrokerMonitorAndDemoThenStopsWithoutLeavingThreads() throws Exception {
        services = new AppServices(new AppSettings("system", 0, true));

        CompletableFuture<Void> started = services.start(executor);
        awaitRunningOrFailed();
        assertEquals(Phase.RUNNING, services.status().phase(), () -> "status " + services.status());
        started.get(5, TimeUnit.SECONDS);
        assertEquals(ConnectionState.CONNECTED, services.connectionState());
        assertTrue(services.status().brokerUrl().orElse("").startsWith("mqtt://127.0.0.1:"),
                () -> "broker URL " + services.status().brokerUrl());

        TopicSnapshot salon = awaitTopic(TOPIC);
        String payload = new String(salon.lastMessage().orElseThrow().payload(), StandardCharsets.UTF_8);
        double celsius = Double.parseDouble(payload);
        assertTrue(celsius > -10 && celsius < 45, () -> "implausible temperature " + payload);
        assertEquals(0, services.ingest().stats().dropped());

        services.close();

        assertEquals(Phase.STOPPED, services.status().phase());
        assertEquals(ConnectionState.CLOSED, services.connectionState(), "the monitor must be closed");
        stopExecutor();
        watch.awaitNoneLeft(THREADS_END, ThreadWatch.nonDaemon(), "non-daemon threads after close()");
    }

    @Test
    void closeRightAfterStartLeavesNoThreads() throws Exception {
        services = new AppServices(new AppSettings("system", 0, true));

        CompletableFuture<Void> started = services.start(executor);
        services.close();

        // Start-up goes on in the background; it must notice close() and stop what it already made.
        started.handle((ok, error) -> null).get(START_WAIT.toSeconds(), TimeUnit.SECONDS);
        stopExecutor();
        watch.awaitNoneLeft(THREADS_END, ThreadWatch.nonDaemon(), "non-daemon threads after an early close()");
    }

    @Test
    void closeBeforeStartUpRunsEndsStoppedAndStopsTheBroker() throws Exception {
        services = new AppServices(new AppSettings("system", 0, false));
        // Holds the start-up task, so close() surely comes first; the test then runs it by hand.
        List<Runnable> held = new ArrayList<>();

        CompletableFuture<Void> started = services.start(held::add);
        services.close();
        held.forEach(Runnable::run);

        started.handle((ok, error) -> null).get(5, TimeUnit.SECONDS);
        assertEquals(Phase.STOPPED, services.status().phase(),
                () -> "a closed app must not report start-up progress; status " + services.status());
        watch.awaitNoneLeft(THREADS_END, ThreadWatch.nonDaemon(), "non-daemon threads of a broker started after close()");
    }

    private void awaitRunningOrFailed() {
        Eventually.await(START_WAIT,
                () -> services.status().phase() == Phase.RUNNING || services.status().phase() == Phase.FAILED,
                () -> "status " + services.status());
    }

    // Collects what takeChanges() hands over, as the FX pump would, until the topic shows up.
    private TopicSnapshot awaitTopic(String topic) {
        Map<String, TopicSnapshot> seen = new HashMap<>();
        Eventually.await(DATA_WAIT, () -> {
            seen.putAll(services.ingest().takeChanges());
            // A sensor's retained status, one level down, may come first and make the level without a reading.
            return services.ingest().stats().applied() > 0 && seen.containsKey(topic) && seen.get(topic).lastMessageOrNull() != null;
        }, () -> "no " + topic + "; stats " + services.ingest().stats() + ", topics " + seen.keySet());
        return seen.get(topic);
    }

    private void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS), "the start-up executor did not stop");
    }
}
