package org.brokerscope.domain.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.MessageProperties;
import org.junit.jupiter.api.Test;

class RoomsModelTest {
    private static final long T0 = 1_800_000_000_000L;
    private final RoomsModel model = new RoomsModel(RoomsModel.Options.defaults());

    @Test
    void roomAveragesOverTheWindowWeighEachSensorTheSame() {
        // s1 publishes 20 three times, s2 publishes 24 once: the room is 22, not 21.
        send("maison/salon/temperature/s1", "20", T0);
        send("maison/salon/temperature/s1", "20", T0 + 1000);
        send("maison/salon/temperature/s1", "20", T0 + 2000);
        send("maison/salon/temperature/s2", "24", T0 + 2000);
        send("maison/cuisine/temperature", "18,5 °C", T0 + 2000);
        RoomSnapshots.Rooms s = model.snapshot(T0 + 2500);
        RoomSnapshots.Room salon = room(s, "maison/salon");
        WindowStats w = salon.measures().getFirst().window();
        assertEquals(22.0, w.mean(), 1e-9);
        assertEquals(20.0, w.min());
        assertEquals(24.0, w.max());
        assertEquals(2, w.sensors());
        assertEquals(4, w.count());
        assertEquals(2, salon.sensorCount());
        RoomSnapshots.House house = s.house().getFirst();
        assertEquals((22.0 + 18.5) / 2, house.average(), 1e-9);
        assertEquals("cuisine", house.minRoom());
        assertEquals("salon", house.maxRoom());
    }

    @Test
    void samplesOlderThanTheWindowLeaveTheAverage() {
        send("maison/salon/humidity", "80", T0);
        send("maison/salon/humidity", "40", T0 + 50_000);
        send("maison/salon/humidity", "50", T0 + 61_000);
        WindowStats w = room(model.snapshot(T0 + 61_000), "maison/salon").measures().getFirst().window();
        assertEquals(45.0, w.mean(), 1e-9);
        assertTrue(room(model.snapshot(T0 + 200_000), "maison/salon").measures().getFirst().window().isEmpty());
    }

    @Test
    void unreadablePayloadsAreCountedPerTopicAndNeverPlotted() {
        send("maison/salon/temperature", "21", T0);
        send("maison/salon/temperature", "hot", T0 + 1000);
        send("maison/salon/temperature", "", T0 + 2000);
        send("maison/salon/status", "on", T0 + 2000);
        RoomSnapshots.Rooms s = model.snapshot(T0 + 2000);
        assertEquals(List.of(new RoomSnapshots.Unreadable("maison/salon/temperature", 2, "empty payload")), s.unreadable());
        assertEquals(2, room(s, "maison/salon").unreadable());
        RoomSnapshots.Measure m = room(s, "maison/salon").measures().getFirst();
        assertEquals(1, m.history().bucketCount());
        assertEquals(21.0, m.current());
        assertEquals(1, s.rooms().size(), "a status text is not a measure and makes no room");
    }

    @Test
    void aSensorSilentForMoreThanThreeIntervalsIsStaleAndFiresAStaleAlert() {
        for (int i = 0; i < 5; i++) {
            send("maison/salon/temperature", "21", T0 + i * 1000L);
        }
        model.tick(T0 + 6000);
        assertFalse(room(model.snapshot(T0 + 6000), "maison/salon").measures().getFirst().sensors().getFirst().stale());
        model.tick(T0 + 7100);
        RoomSnapshots.Rooms s = model.snapshot(T0 + 7100);
        assertTrue(room(s, "maison/salon").measures().getFirst().sensors().getFirst().stale());
        assertEquals(1, room(s, "maison/salon").staleCount());
        AlertEvent fired = s.alerts().getLast();
        assertTrue(fired.stale() && fired.state() == AlertEvent.State.FIRED, fired.toString());
        send("maison/salon/temperature", "21", T0 + 8000);
        model.tick(T0 + 8000);
        assertEquals(AlertEvent.State.CLEARED, model.snapshot(T0 + 8000).alerts().getLast().state());
    }

    @Test
    void valueAlertsFireAboveTheThresholdAndClearWithHysteresis() {
        model.configure(TopicMapper.defaults(), AlertRules.parse("temperature: above 28 hyst 1"));
        double[] values = {27, 28.5, 27.5, 28.2, 26.9, 27.5};
        for (int i = 0; i < values.length; i++) {
            send("maison/salon/temperature", String.valueOf(values[i]), T0 + i * 1000L);
        }
        List<AlertEvent> events = model.snapshot(T0 + 6000).alerts();
        assertEquals(List.of(AlertEvent.State.FIRED, AlertEvent.State.CLEARED), events.stream().map(AlertEvent::state).toList());
        assertEquals(28.5, events.get(0).value());
        assertEquals(26.9, events.get(1).value());
        assertEquals("> 28 (±1)", events.get(0).rule());
        assertTrue(events.get(0).toJson().contains("\"state\":\"fired\""));
    }

    @Test
    void aRoomOverrideBeatsTheMeasureRule() {
        model.configure(TopicMapper.defaults(), AlertRules.parse("temperature: above 30\nsalon/temp: above 22"));
        send("maison/salon/temperature", "25", T0);
        send("maison/cuisine/temperature", "25", T0);
        RoomSnapshots.Rooms s = model.snapshot(T0);
        assertTrue(room(s, "maison/salon").alarm());
        assertFalse(room(s, "maison/cuisine").alarm());
    }

    @Test
    void aggregatesHaveTheDocumentedTopicsAndAreNotReadBack() {
        send("maison/salon/temperature", "20", T0);
        send("maison/salon/temperature/b", "22", T0);
        send("maison/cuisine/temperature", "25", T0);
        List<Aggregates.Aggregate> out = Aggregates.of(model.snapshot(T0 + 500));
        Map<String, String> byTopic = new java.util.HashMap<>();
        out.forEach(a -> byTopic.put(a.topic(), a.payload()));
        assertEquals("{\"value\":21,\"count\":2,\"window\":60,\"timestamp\":\"2027-01-15T08:00:00.500Z\"}", byTopic.get("maison/salon/temperature/avg"));
        assertTrue(byTopic.get("maison/salon/temperature/min").startsWith("{\"value\":20,"));
        assertTrue(byTopic.get("maison/salon/temperature/count").startsWith("{\"value\":2,"));
        assertTrue(byTopic.get("maison/_house/temperature/avg").startsWith("{\"value\":23,\"count\":2,"));
        out.forEach(a -> send(a.topic(), a.payload(), T0 + 600));
        assertEquals(byTopic.get("maison/_house/temperature/avg").substring(0, 30),
                Aggregates.of(model.snapshot(T0 + 700)).stream().filter(a -> a.topic().equals("maison/_house/temperature/avg"))
                        .findFirst().orElseThrow().payload().substring(0, 30), "republished aggregates change nothing");
    }

    @Test
    void aDayOfHistoryIsKeptInBoundedBucketsAndDecimatedToThePixelWidth() {
        for (int i = 0; i < 86_400; i += 2) {
            send("maison/salon/temperature", String.valueOf(20 + (i % 3600) / 1000.0), T0 + i * 1000L);
        }
        RoomSnapshots.Measure m = room(model.snapshot(T0 + 86_400_000L), "maison/salon").measures().getFirst();
        SeriesView history = m.day();
        assertEquals(8_640, history.bucketCount(), "ten-second buckets over the day");
        assertTrue(m.history().bucketCount() >= 1_800 && m.history().bucketCount() <= 1_800 + SeriesHistory.CHUNK,
                "one-second buckets over the last hour: " + m.history().bucketCount());
        assertEquals(history, m.historyFor(86_400_000L));
        assertEquals(m.history(), m.historyFor(600_000L));
        Decimation.Columns cols = Decimation.minMax(history, T0, T0 + 86_400_000L, 400);
        assertEquals(400, cols.width());
        for (int c = 0; c < 400; c++) {
            assertFalse(cols.isEmpty(c), "column " + c);
            assertTrue(cols.mins()[c] >= 20 && cols.maxs()[c] <= 23.6);
        }
        assertEquals(20.0, cols.mins()[0]);
    }

    @Test
    void thousandsOfNumberedTopicsUnderOneParentMakeABoundedRoomAndAreCounted() {
        for (int i = 0; i < 1_000; i++) {
            send("bench/site/t" + i, "1", T0);
        }
        RoomSnapshots.Rooms s = model.snapshot(T0);
        assertEquals(RoomState.MAX_MEASURES, room(s, "bench/site").measures().size());
        assertEquals(1_000 - RoomState.MAX_MEASURES, s.droppedReadings());
    }

    @Test
    void forgettingReadingsEmptiesRoomsAndUnreadableTopicsButKeepsTheAlertLog() {
        send("maison/salon/temperature", "45", T0); // over the default threshold: an alert is logged
        send("maison/salon/humidity", "wet", T0);
        RoomSnapshots.Rooms before = model.snapshot(T0);
        assertEquals(1, before.rooms().size());
        assertEquals(1, before.unreadable().size());
        int alerts = before.alerts().size();
        assertTrue(alerts > 0, "45 °C fires the temperature alert");

        model.forgetReadings();
        RoomSnapshots.Rooms after = model.snapshot(T0 + 1000);
        assertEquals(List.of(), after.rooms());
        assertEquals(List.of(), after.unreadable());
        assertEquals(alerts, after.alerts().size(), "the alert log is history and stays");
        send("usine/atelier/temperature", "19", T0 + 2000);
        assertEquals(List.of("usine/atelier"),
                model.snapshot(T0 + 2000).rooms().stream().map(RoomSnapshots.Room::key).toList());
    }

    @Test
    void aNewMappingRuleAppliesToTopicsAlreadySeen() {
        send("zigbee2mqtt/bureau", "{\"temperature\": 19.5}", T0);
        assertEquals(List.of(), model.snapshot(T0).rooms(), "two levels make no room by default");
        model.configure(new TopicMapper(List.of(new MappingRule("zigbee2mqtt/{room}", "$"))), AlertRules.defaults());
        send("zigbee2mqtt/bureau", "{\"temperature\": 20.5}", T0 + 1000);
        assertEquals(20.5, room(model.snapshot(T0 + 1000), "bureau").measures().getFirst().current());
    }

    @Test
    void binaryPayloadsAreReportedOnSensorTopicsAndPassedOverElsewhere() {
        byte[] binary = {0, 1, 2, (byte) 0xff, 0x7f};
        model.apply(new Message("maison/salon/temperature", binary, 0, false, MessageProperties.NONE, T0, 0));
        model.apply(new Message("frames/site/t0001", binary, 0, false, MessageProperties.NONE, T0, 0));
        RoomSnapshots.Rooms s = model.snapshot(T0);
        assertEquals(List.of("maison/salon/temperature"), s.unreadable().stream().map(RoomSnapshots.Unreadable::topic).toList(),
                "a known measure reports its bad payload; an unknown level with one is no sensor");
        assertEquals(List.of(), s.rooms());
        send("frames/site/t0001", "7", T0 + 1000);
        assertEquals(7.0, room(model.snapshot(T0 + 1000), "frames/site").measures().getFirst().current(),
                "the same topic still becomes a sensor once it sends a number");
    }

    @Test
    void moreTopicsThanTheMappingCacheHoldsStillMapEachOne() {
        send("big/r0/temperature", "20", T0);
        for (int i = 0; i < RoomsModel.MAPPED_TOPICS + 10; i++) {
            send("noise/t" + i, "1", T0); // two levels: no room, but each is remembered as such
        }
        send("big/r0/temperature", "30", T0 + 1);
        send("big/r1/temperature", "40", T0 + 1);
        RoomSnapshots.Rooms s = model.snapshot(T0 + 1);
        assertEquals(List.of("big/r0", "big/r1"), s.rooms().stream().map(RoomSnapshots.Room::key).toList());
        assertEquals(30.0, room(s, "big/r0").measures().getFirst().window().max());
    }

    private void send(String topic, String payload, long at) {
        model.apply(new Message(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false, MessageProperties.NONE, at, 0));
    }

    private static RoomSnapshots.Room room(RoomSnapshots.Rooms s, String key) {
        return s.rooms().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key + " in " + s.rooms()));
    }
}
