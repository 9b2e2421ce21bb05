package org.brokerscope.domain.rooms;

/**
 * An alert fired or cleared, as logged and exported.
 *
 * @param seq   increases by one per event, so a reader can take only the new ones
 * @param room  the room's key, {@code site/room}
 * @param stale true when the cause is a silent sensor rather than the value
 */
public record AlertEvent(long seq, long timeMillis, String room, String measure, double value, String unit,
                         String rule, State state, boolean stale) {

    public enum State { FIRED, CLEARED }

    /** The event as a small JSON document, for the optional alert topic. */
    public String toJson() {
        return "{\"room\":" + Aggregates.quote(room) + ",\"measure\":" + Aggregates.quote(measure)
                + ",\"state\":\"" + state.name().toLowerCase(java.util.Locale.ROOT) + "\",\"value\":"
                + Aggregates.number(value) + ",\"unit\":" + Aggregates.quote(unit) + ",\"rule\":" + Aggregates.quote(rule)
                + ",\"stale\":" + stale + ",\"timestamp\":\"" + java.time.Instant.ofEpochMilli(timeMillis) + "\"}";
    }
}
