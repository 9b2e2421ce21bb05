package org.brokerscope.domain.rooms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One measure of one room: its sensors, its history and its alert state. Used on the ingest thread only. */
final class MeasureState {
    private static final int MAX_SENSORS = 100;
    static final long RECENT_MILLIS = 3_600_000;
    static final long DAY_BUCKET_MILLIS = 10_000;
    private final MeasureKind kind;
    private final Map<String, SensorState> sensors = new LinkedHashMap<>();
    // One-second buckets for the last hour, ten-second buckets for the day: a day at 1 s for every measure
    // of every room would be 2.8 MB each; this is about 0.4 MB.
    private final SeriesHistory recent;
    private final SeriesHistory day;
    private final RoomsModel.Options options;
    private boolean alarm;
    private boolean staleAlarm;

    MeasureState(MeasureKind kind, RoomsModel.Options options) {
        this.kind = kind;
        this.options = options;
        this.recent = new SeriesHistory(Math.min(options.historyMillis(), RECENT_MILLIS), 1_000);
        this.day = new SeriesHistory(options.historyMillis(), DAY_BUCKET_MILLIS);
    }

    MeasureKind kind() {
        return kind;
    }

    /** @return false when the sensor is new and the room already has the most sensors it may have */
    boolean add(Reading reading, long timeMillis) {
        SensorState sensor = sensors.get(reading.source());
        if (sensor == null) {
            if (sensors.size() >= MAX_SENSORS) {
                return false;
            }
            sensor = new SensorState(reading.source(), options.windowMillis(), options.windowCapacity());
            sensors.put(reading.source(), sensor);
        }
        sensor.add(timeMillis, reading.value());
        recent.add(timeMillis, reading.value());
        day.add(timeMillis, reading.value());
        return true;
    }

    /** Mean of the last values of the live sensors; of all sensors when every one is stale. */
    double current(long nowMillis) {
        List<SensorState> live = sensors.values().stream().filter(s -> !s.isStale(nowMillis)).toList();
        return (live.isEmpty() ? sensors.values().stream().toList() : live).stream()
                .mapToDouble(SensorState::last).average().orElse(Double.NaN);
    }

    boolean anyStale(long nowMillis) {
        return sensors.values().stream().anyMatch(s -> s.isStale(nowMillis));
    }

    /** Applies the value rule with hysteresis; returns the new state when it changed. */
    Optional<Boolean> evaluateValue(Optional<AlertRule> rule, double value) {
        boolean now = rule.isPresent() && !Double.isNaN(value) && rule.get().breached(value, alarm);
        if (now == alarm) {
            return Optional.empty();
        }
        alarm = now;
        return Optional.of(now);
    }

    Optional<Boolean> evaluateStale(Optional<AlertRule> rule, long nowMillis) {
        boolean now = rule.map(AlertRule::stale).orElse(false) && anyStale(nowMillis);
        if (now == staleAlarm) {
            return Optional.empty();
        }
        staleAlarm = now;
        return Optional.of(now);
    }

    RoomSnapshots.Measure snapshot(Optional<AlertRule> rule, long nowMillis) {
        List<SensorSnapshot> sensorSnapshots = new ArrayList<>(sensors.size());
        int count = 0;
        int contributing = 0;
        double sumOfMeans = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (SensorState s : sensors.values()) {
            sensorSnapshots.add(s.snapshot(nowMillis));
            WindowStats w = s.stats(nowMillis);
            if (!w.isEmpty()) {
                // Each sensor weighs the same, however often it publishes.
                count += w.count();
                contributing++;
                sumOfMeans += w.mean();
                min = Math.min(min, w.min());
                max = Math.max(max, w.max());
            }
        }
        WindowStats window = contributing == 0 ? WindowStats.EMPTY
                : new WindowStats(count, sumOfMeans / contributing, min, max, contributing);
        return new RoomSnapshots.Measure(kind, current(nowMillis), window, List.copyOf(sensorSnapshots), recent.view(), day.view(),
                rule, alarm, staleAlarm || anyStale(nowMillis));
    }
}
