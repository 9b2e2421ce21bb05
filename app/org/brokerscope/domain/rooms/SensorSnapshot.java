package org.brokerscope.domain.rooms;

/**
 * @param intervalMillis the usual interval between its messages; -1 while unknown
 */
public record SensorSnapshot(String source, double last, long lastMillis, long intervalMillis, long samples,
                             boolean stale) {

    public long ageMillis(long nowMillis) {
        return Math.max(0, nowMillis - lastMillis);
    }
}
