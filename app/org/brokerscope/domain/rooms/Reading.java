package org.brokerscope.domain.rooms;

/**
 * One value of one measure, ready for a room.
 *
 * @param source the sensor it came from: its topic, plus the JSON field for multi-measure payloads
 */
public record Reading(MeasureKind kind, String source, double value) {
}
