package org.brokerscope.domain.rooms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** One room's measures. Used on the ingest thread only. */
final class RoomState {
    // A room with more measures than this is a topic layout the default mapping misreads (10,000 numbered
    // topics under one parent): the extra measures are counted, not turned into thousands of gauges.
    static final int MAX_MEASURES = 16;
    private final String site;
    private final String name;
    private final RoomsModel.Options options;
    private final Map<String, MeasureState> measures = new LinkedHashMap<>();
    private final Set<String> topics = new HashSet<>();
    private long unreadable;

    RoomState(String site, String name, RoomsModel.Options options) {
        this.site = site;
        this.name = name;
        this.options = options;
    }

    static String key(String site, String room) {
        return site.isEmpty() ? room : site + "/" + room;
    }

    String key() {
        return key(site, name);
    }

    String name() {
        return name;
    }

    Collection<MeasureState> measures() {
        return measures.values();
    }

    boolean hasSource(String topic) {
        return topics.contains(topic);
    }

    void countUnreadable() {
        unreadable++;
    }

    /** @return the measure that took the reading, or null when the room has too many measures or sensors */
    MeasureState add(Reading reading, long timeMillis) {
        MeasureState measure = measures.get(reading.kind().id());
        if (measure == null) {
            if (measures.size() >= MAX_MEASURES) {
                return null;
            }
            measure = new MeasureState(reading.kind(), options);
            measures.put(reading.kind().id(), measure);
        }
        if (!measure.add(reading, timeMillis)) {
            return null;
        }
        int hash = reading.source().indexOf('#');
        topics.add(hash < 0 ? reading.source() : reading.source().substring(0, hash));
        return measure;
    }

    RoomSnapshots.Room snapshot(Function<MeasureKind, Optional<AlertRule>> rules, long nowMillis) {
        List<RoomSnapshots.Measure> list = new ArrayList<>(measures.size());
        for (MeasureState m : measures.values()) {
            list.add(m.snapshot(rules.apply(m.kind()), nowMillis));
        }
        // Known measures first, in a fixed order, so cards look alike from room to room.
        list.sort(java.util.Comparator.comparing((RoomSnapshots.Measure m) -> !m.kind().known())
                .thenComparing(m -> m.kind().id()));
        return new RoomSnapshots.Room(key(), site, name, List.copyOf(list), unreadable);
    }
}
