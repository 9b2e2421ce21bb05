package org.brokerscope.sim;

import java.util.Optional;

/**
 * One sensor at one moment, for display.
 *
 * @param lastValue the last reading as published (without unit), empty before the first
 * @param published readings the broker took
 * @param failed    publishes that failed
 * @param dropped   readings left out on purpose by a dropout fault
 * @param broker    the connection profile it publishes to; empty for the fleet's broker
 */
public record SensorStatus(String id, String room, Measure measure, String topic, SensorState state,
                           Optional<String> lastValue, long published, long failed, long dropped,
                           Optional<String> error, Optional<String> broker) {
}
