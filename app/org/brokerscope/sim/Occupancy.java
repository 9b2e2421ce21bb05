package org.brokerscope.sim;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Who is in a room at a given (simulated, UTC) time: the pattern that drives CO2, lights, noise and
 * motion. Deterministic, so a seed alone decides a model's series.
 */
public enum Occupancy {
    /** A family home: up at 7, out 8:30-17:30 on weekdays, in bed from 23. */
    HOME,
    /** A school room: lessons 8-12 and 13:30-17 on weekdays, 25 pupils. */
    CLASSROOM,
    /** Nobody: outdoors or a storeroom. */
    NONE;

    /** People present. */
    public double people(Instant time) {
        LocalDateTime t = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        double hour = t.getHour() + t.getMinute() / 60.0;
        boolean weekend = t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
        return switch (this) {
            case HOME -> weekend || hour < 8.5 || hour >= 17.5 ? 2 : 0;
            case CLASSROOM -> !weekend && (hour >= 8 && hour < 12 || hour >= 13.5 && hour < 17) ? 25 : 0;
            case NONE -> 0;
        };
    }

    /** Present and awake: lights may be on, motion and noise happen. */
    public boolean active(Instant time) {
        double hour = LocalDateTime.ofInstant(time, ZoneOffset.UTC).getHour();
        return people(time) > 0 && hour >= 7 && hour < 23;
    }
}
