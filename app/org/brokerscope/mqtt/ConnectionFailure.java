package org.brokerscope.mqtt;

import java.util.Objects;
import java.util.Optional;

/**
 * A classified connection failure: no UI sentence here, the UI turns {@link #kind()} into localized text.
 *
 * @param kind       what went wrong
 * @param reasonCode the MQTT reason code (v5) or CONNACK return code (3.1.1), when the broker sent one
 * @param detail     the library's technical words, for a "details" line and for logs; never holds secrets
 */
public record ConnectionFailure(FailureKind kind, Optional<Integer> reasonCode, String detail) {

    public ConnectionFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(detail, "detail");
    }
}
