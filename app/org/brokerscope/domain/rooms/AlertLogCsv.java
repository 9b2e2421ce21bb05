package org.brokerscope.domain.rooms;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The alert log as CSV (RFC 4180), one event a row, times in ISO 8601 with the zone's offset. */
public final class AlertLogCsv {
    public static final String HEADER = "time,room,measure,state,value,unit,rule,cause";

    private AlertLogCsv() {
    }

    public static String of(List<AlertEvent> events, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (AlertEvent e : events) {
            sb.append(time.format(Instant.ofEpochMilli(e.timeMillis()))).append(',')
                    .append(field(e.room())).append(',').append(field(e.measure())).append(',')
                    .append(e.state().name().toLowerCase(java.util.Locale.ROOT)).append(',')
                    .append(Aggregates.number(e.value()).replace("null", "")).append(',')
                    .append(field(e.unit())).append(',').append(field(e.rule())).append(',')
                    .append(e.stale() ? "stale" : "value").append("\r\n");
        }
        return sb.toString();
    }

    private static String field(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
