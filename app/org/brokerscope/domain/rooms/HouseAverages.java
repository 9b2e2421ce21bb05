package org.brokerscope.domain.rooms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The whole house per site and measure: the mean of the room means (each room weighs the same). */
final class HouseAverages {
    private HouseAverages() {
    }

    static List<RoomSnapshots.House> of(List<RoomSnapshots.Room> rooms) {
        Map<String, List<RoomMeasure>> groups = new LinkedHashMap<>();
        for (RoomSnapshots.Room room : rooms) {
            for (RoomSnapshots.Measure m : room.measures()) {
                if (!m.window().isEmpty()) {
                    groups.computeIfAbsent(room.site() + "\u0000" + m.kind().id(), k -> new ArrayList<>())
                            .add(new RoomMeasure(room, m));
                }
            }
        }
        List<RoomSnapshots.House> house = new ArrayList<>();
        groups.values().forEach(group -> house.add(house(group)));
        house.sort(java.util.Comparator.comparing(RoomSnapshots.House::site)
                .thenComparing(h -> !h.kind().known()).thenComparing(h -> h.kind().id()));
        return List.copyOf(house);
    }

    private record RoomMeasure(RoomSnapshots.Room room, RoomSnapshots.Measure measure) {
    }

    private static RoomSnapshots.House house(List<RoomMeasure> group) {
        double sum = 0;
        RoomSnapshots.Room minRoom = null;
        RoomSnapshots.Room maxRoom = null;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        MeasureKind kind = null;
        for (RoomMeasure pair : group) {
            RoomSnapshots.Room room = pair.room();
            RoomSnapshots.Measure m = pair.measure();
            kind = m.kind();
            double mean = m.window().mean();
            sum += mean;
            if (mean < min) {
                min = mean;
                minRoom = room;
            }
            if (mean > max) {
                max = mean;
                maxRoom = room;
            }
        }
        return new RoomSnapshots.House(minRoom.site(), kind, sum / group.size(), group.size(), minRoom.name(), min,
                maxRoom.name(), max);
    }
}
