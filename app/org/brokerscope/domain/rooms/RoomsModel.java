package org.brokerscope.domain.rooms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brokerscope.domain.Message;

/**
 * Rooms built from messages: mapping, parsing, per-sensor windows, history, stale detection and
 * alerts. Not thread-safe: one thread applies messages, ticks and takes snapshots, which are immutable.
 */
public final class RoomsModel {

    /**
     * @param windowMillis   the averaging window (room averages, min/max, aggregates)
     * @param historyMillis  how much history the charts keep
     * @param windowCapacity the most samples one sensor keeps in its window
     */
    public record Options(long windowMillis, long historyMillis, int windowCapacity, int maxRooms,
                          int maxUnreadableTopics, int alertLogSize) {
        public static Options defaults() {
            return new Options(60_000, 24 * 3_600_000L, 4_096, 500, 1_000, 1_000);
        }
    }

    // Topics repeat: a busy broker sends the same few thousand again and again, and splitting each name
    // anew, with its room key, was a third of the ingest thread's allocation at 20,000 msg/s.
    static final int MAPPED_TOPICS = 50_000;
    private record Mapping(TopicMatch match, String key) {
    }
    private static final Mapping NOT_A_ROOM = new Mapping(null, null);

    private final Options options;
    private final Map<String, Mapping> mapped = new HashMap<>();
    private final Map<String, RoomState> rooms = new LinkedHashMap<>();
    private final Map<String, RoomSnapshots.Unreadable> unreadable = new LinkedHashMap<>();
    private final ArrayDeque<AlertEvent> log = new ArrayDeque<>();
    private TopicMapper mapper = TopicMapper.defaults();
    private AlertRules rules = AlertRules.defaults();
    private String ignoredPrefix = "";
    private long seq;
    private long droppedRooms;
    private long droppedReadings;

    public RoomsModel(Options options) {
        this.options = options;
    }

    public void configure(TopicMapper newMapper, AlertRules newRules) {
        this.mapper = newMapper;
        this.rules = newRules;
        mapped.clear();
    }

    /** Topics under this prefix (our own alert topic) are never read as measures. */
    public void ignoreTopicsUnder(String prefix) {
        this.ignoredPrefix = prefix == null ? "" : prefix;
    }

    /**
     * Forgets the rooms, sensors and unreadable topics, as when the monitor moves to another broker. The
     * alert log stays: it is history the user may still want to export.
     */
    public void forgetReadings() {
        rooms.clear();
        unreadable.clear();
        droppedRooms = 0;
        droppedReadings = 0;
    }

    public void apply(Message message) {
        String topic = message.topic();
        if (!ignoredPrefix.isEmpty() && topic.startsWith(ignoredPrefix)) {
            return;
        }
        Mapping mapping = map(topic);
        if (mapping == NOT_A_ROOM) {
            return;
        }
        TopicMatch match = mapping.match();
        RoomState room = rooms.get(mapping.key());
        // Parsing builds the reason for each bad payload; skip it where no reason would be reported.
        boolean mayBeValue = ValueParser.mayBeValue(message.payload());
        if (!mayBeValue && !reportsUnreadable(topic, match, room)) {
            return;
        }
        Readings.Result result = Readings.read(topic, match, message.payload());
        if (result.unreadable().isPresent()) {
            if (!mayBeValue || reportsUnreadable(topic, match, room)) { // !mayBeValue got here only by reporting
                countUnreadable(topic, result.unreadable().get(), room);
            }
            return;
        }
        if (room == null) {
            if (rooms.size() >= options.maxRooms()) {
                droppedRooms++;
                return;
            }
            room = new RoomState(match.site(), match.room(), options);
            rooms.put(mapping.key(), room);
        }
        add(room, result.readings(), message.receivedAtMillis());
    }

    private Mapping map(String topic) {
        Mapping mapping = mapped.get(topic);
        if (mapping == null) {
            if (mapped.size() >= MAPPED_TOPICS) {
                mapped.clear(); // more topics than that: map again, rather than hold memory for them all
            }
            mapping = mapper.map(topic).map(m -> new Mapping(m, RoomState.key(m.site(), m.room()))).orElse(NOT_A_ROOM);
            mapped.put(topic, mapping);
        }
        return mapping;
    }

    // A topic that never gave a number under the default layout is not a sensor at all (a status text,
    // say); once it is one, or a rule names it, or its last level is a known measure, bad payloads count.
    private boolean reportsUnreadable(String topic, TopicMatch match, RoomState room) {
        return room != null && room.hasSource(topic) || !mapper.rules().isEmpty() && matchedByRule(topic)
                || match.measure().flatMap(Measures::known).isPresent();
    }

    private void add(RoomState room, List<Reading> readings, long time) {
        for (Reading reading : readings) {
            MeasureState measure = room.add(reading, time);
            if (measure == null) {
                droppedReadings++;
            } else {
                Optional<AlertRule> rule = rules.ruleFor(room.name(), measure.kind());
                double current = measure.current(time);
                measure.evaluateValue(rule, current).ifPresent(fired -> log(time, room, measure, current, rule, fired, false));
            }
        }
    }

    /** Fires and clears stale alerts as time passes; call a few times a second. */
    public void tick(long nowMillis) {
        for (RoomState room : rooms.values()) {
            for (MeasureState measure : room.measures()) {
                Optional<AlertRule> rule = rules.ruleFor(room.name(), measure.kind());
                measure.evaluateStale(rule, nowMillis).ifPresent(fired ->
                        log(nowMillis, room, measure, measure.current(nowMillis), rule, fired, true));
            }
        }
    }

    public RoomSnapshots.Rooms snapshot(long nowMillis) {
        List<RoomSnapshots.Room> roomSnapshots = new ArrayList<>(rooms.size());
        for (RoomState room : rooms.values()) {
            roomSnapshots.add(room.snapshot(m -> rules.ruleFor(room.name(), m), nowMillis));
        }
        roomSnapshots.sort(Comparator.comparing(RoomSnapshots.Room::key));
        return new RoomSnapshots.Rooms(nowMillis, options.windowMillis(), List.copyOf(roomSnapshots),
                HouseAverages.of(roomSnapshots), List.copyOf(unreadable.values()), List.copyOf(log), droppedRooms, droppedReadings);
    }

    private boolean matchedByRule(String topic) {
        return mapper.rules().stream().anyMatch(r -> r.match(topic).isPresent());
    }

    private void countUnreadable(String topic, String reason, RoomState room) {
        RoomSnapshots.Unreadable previous = unreadable.remove(topic);
        if (previous == null && unreadable.size() >= options.maxUnreadableTopics()) {
            // Keep the most recent topics: the oldest one makes room.
            unreadable.remove(unreadable.keySet().iterator().next());
        }
        unreadable.put(topic, new RoomSnapshots.Unreadable(topic, previous == null ? 1 : previous.count() + 1, reason));
        if (room != null) {
            room.countUnreadable();
        }
    }

    private void log(long time, RoomState room, MeasureState measure, double value, Optional<AlertRule> rule,
                     boolean fired, boolean stale) {
        String ruleText = rule.map(AlertRule::describe).orElse("");
        log.addLast(new AlertEvent(++seq, time, room.key(), measure.kind().id(), value, measure.kind().unit(),
                stale ? "stale (silent > 3× interval)" : ruleText,
                fired ? AlertEvent.State.FIRED : AlertEvent.State.CLEARED, stale));
        while (log.size() > options.alertLogSize()) {
            log.removeFirst();
        }
    }
}
