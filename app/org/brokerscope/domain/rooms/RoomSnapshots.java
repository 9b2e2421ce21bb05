package org.brokerscope.domain.rooms;

import java.util.List;
import java.util.Optional;

/** The immutable pictures of the rooms that the rooms model hands to the UI and the aggregator. */
public final class RoomSnapshots {
    private RoomSnapshots() {
    }

    /**
     * @param current the room's current value: mean of its live sensors' last values
     * @param window  samples over the averaging window, all sensors together
     * @param history the last hour in one-second buckets
     * @param day     the last day in ten-second buckets
     * @param alarm   a value alert is active
     * @param stale   a stale alert is active, or (without a stale rule) a sensor is stale
     */
    public record Measure(MeasureKind kind, double current, WindowStats window, List<SensorSnapshot> sensors,
                          SeriesView history, SeriesView day, Optional<AlertRule> rule, boolean alarm, boolean stale) {

        /** The history that covers {@code spanMillis} at the finest resolution. */
        public SeriesView historyFor(long spanMillis) {
            return spanMillis <= MeasureState.RECENT_MILLIS ? history : day;
        }
    }

    /** @param unreadable payloads of this room's topics that held no number */
    public record Room(String key, String site, String name, List<Measure> measures, long unreadable) {
        public int sensorCount() {
            return measures.stream().mapToInt(m -> m.sensors().size()).sum();
        }

        public int staleCount() {
            return (int) measures.stream().flatMap(m -> m.sensors().stream()).filter(SensorSnapshot::stale).count();
        }

        public boolean alarm() {
            return measures.stream().anyMatch(m -> m.alarm() || m.stale() && m.rule().map(AlertRule::stale).orElse(false));
        }

        public long lastMillis() {
            return measures.stream().flatMap(m -> m.sensors().stream()).mapToLong(SensorSnapshot::lastMillis).max().orElse(0);
        }
    }

    /** The whole house (one site) for one measure: mean of the room means, and the extreme rooms. */
    public record House(String site, MeasureKind kind, double average, int rooms, String minRoom, double min,
                        String maxRoom, double max) {
    }

    /** A topic whose payloads could not be read as numbers: how many, the last reason and payload. */
    public record Unreadable(String topic, long count, String reason) {
    }

    /**
     * Everything the dashboard shows, at one instant.
     *
     * @param droppedRooms    rooms not created because the limit was reached, so the user is told
     * @param droppedReadings readings of measures or sensors over a room's limits, likewise
     */
    public record Rooms(long takenAtMillis, long windowMillis, List<Room> rooms, List<House> house,
                        List<Unreadable> unreadable, List<AlertEvent> alerts, long droppedRooms, long droppedReadings) {
        public static final Rooms EMPTY = new Rooms(0, 60_000, List.of(), List.of(), List.of(), List.of(), 0, 0);
    }
}
