package org.brokerscope.domain.rooms;

import java.util.Optional;

/**
 * Where a topic belongs: a room of a site and, unless the payload carries several measures, one measure.
 *
 * @param site     the levels before the room, joined with '/'; "" for a topic that starts with the room
 * @param sensor   an extra level naming one of several sensors of the room; "" when the topic is the sensor
 * @param jsonPath where to look in a JSON payload; "" to read the payload as a whole
 */
public record TopicMatch(String site, String room, Optional<String> measure, String sensor, String jsonPath) {
}
