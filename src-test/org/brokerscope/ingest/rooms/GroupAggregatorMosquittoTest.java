package org.brokerscope.ingest.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.brokerscope.domain.rooms.AlertRules;
import org.brokerscope.domain.rooms.TopicMapper;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two aggregators in the {@code $share/brokerscope} group on a real Mosquitto 2 (MQTT 5 shared
 * subscriptions), fed by one {@code mosquitto_pub -l} like a student's script: each reading reaches one
 * member only, so the group aggregates every reading once, not twice, and both members republish.
 * Two plain {@code #} subscribers on the same stream are the contrast: each gets every reading.
 */
class GroupAggregatorMosquittoTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int READINGS = 120;
    @TempDir
    Path dir;
    private final MosquittoBroker broker = MosquittoBroker.start();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        scheduler.shutdownNow();
        broker.close();
    }

    @Test
    void eachReadingIsAggregatedByOneMemberOfTheGroup() throws Exception {
        Map<String, String> aggregates = new ConcurrentHashMap<>();
        AtomicLong plainA = new AtomicLong();
        AtomicLong plainB = new AtomicLong();
        listen("agg-listener", "maison/+/+/avg", m -> aggregates.put(m.topic(), new String(m.payload(), StandardCharsets.UTF_8)));
        listen("plain-a", "maison/+/temperature/s1", m -> plainA.incrementAndGet());
        listen("plain-b", "maison/+/temperature/s1", m -> plainB.incrementAndGet());
        GroupAggregator one = member("agg-one");
        GroupAggregator two = member("agg-two");
        assertEquals("$share/brokerscope/maison/#", one.filter());

        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < READINGS; i++) {
            lines.append(String.format(java.util.Locale.ROOT, "%.1f%n", 18 + i % 7 * 0.5));
        }
        // Four rooms, one sensor each; -l sends a line as one message, all in one connection like a script.
        for (String room : List.of("salon", "cuisine", "chambre", "bureau")) {
            Path file = dir.resolve(room + ".txt");
            Files.writeString(file, lines.substring(0, lines.length() / 4));
            MosquittoBroker.run("sh", "-c", "mosquitto_pub -h 127.0.0.1 -p " + broker.port() + " -V mqttv5 -t maison/" + room
                    + "/temperature/s1 -l < '" + file + "'");
        }
        // 4 files of 30 lines of 5 characters: READINGS messages in all, counted by plain subscribers.
        Eventually.await(WAIT, () -> plainA.get() == READINGS && plainB.get() == READINGS,
                () -> "plain subscribers got " + plainA.get() + " and " + plainB.get());
        long total = plainA.get();
        Eventually.await(WAIT, () -> one.received() + two.received() == total,
                () -> "group members got " + one.received() + " + " + two.received() + " of " + total);
        assertTrue(one.received() > 0 && two.received() > 0, "both members share the work: " + one.received() + " / " + two.received());
        assertTrue(one.received() < total && two.received() < total, "no member got everything");
        // Neither member got a reading twice, nor did both get the same stream: together exactly once.
        Thread.sleep(1_500); // a late duplicate, had there been one, would arrive now
        assertEquals(total, one.received() + two.received());
        assertEquals(total, plainB.get(), "a plain # subscriber gets each reading, as the dashboard does");

        Eventually.await(WAIT, () -> aggregates.keySet().containsAll(List.of("maison/salon/temperature/avg",
                "maison/cuisine/temperature/avg", "maison/chambre/temperature/avg", "maison/bureau/temperature/avg")),
                () -> "aggregates seen: " + aggregates.keySet());
        Eventually.await(WAIT, () -> one.publishStats().published() > 0 && two.publishStats().published() > 0,
                () -> "published " + one.publishStats() + " / " + two.publishStats());
    }

    private GroupAggregator member(String clientId) throws Exception {
        GroupAggregator member = new GroupAggregator(ConnectionSettings.of(broker.tcpUri(), clientId), "maison/#",
                TopicMapper.defaults(), AlertRules.defaults(), Duration.ofSeconds(1), scheduler, Clock.systemUTC());
        toClose.add(member);
        member.start().get(10, TimeUnit.SECONDS);
        return member;
    }

    private void listen(String clientId, String filter, org.brokerscope.mqtt.MessageSink sink) throws Exception {
        BrokerConnection c = new PahoV5Connection(ConnectionSettings.of(broker.tcpUri(), clientId), sink);
        toClose.add(c);
        c.connect().get(10, TimeUnit.SECONDS);
        c.subscribe(filter, 0).get(10, TimeUnit.SECONDS);
    }
}
