package org.brokerscope.ui;

import java.util.Map;
import org.brokerscope.AppStatus;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.ingest.IngestStats;
import org.brokerscope.mqtt.ConnectionState;

/**
 * What changed since the last frame, gathered once by the {@link FxPump} and handed to every view.
 *
 * @param nowNanos the pulse time
 * @param changes  topics changed since the last frame, latest state each; empty most frames
 */
public record Frame(long nowNanos, AppStatus status, ConnectionState connection, IngestStats stats,
                    Map<String, TopicSnapshot> changes) {
}
