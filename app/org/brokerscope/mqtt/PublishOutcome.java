package org.brokerscope.mqtt;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What became of one publish. Refusals happen before anything is sent and say why, with the numbers
 * the user needs ({@link #args()}); the UI turns each {@link Kind} into a sentence in the user's language.
 *
 * @param kind         what happened
 * @param reasonCode   the MQTT 5 reason code of the PUBACK/PUBCOMP, when the broker sent one
 * @param reasonString the broker's own words, when it sent a reason string
 * @param args         values for the message: the sizes for TOO_LARGE, the capacity for QUEUE_FULL, ...
 */
public record PublishOutcome(Kind kind, OptionalInt reasonCode, Optional<String> reasonString, List<String> args) {

    public enum Kind {
        /** QoS 0: written to the network; MQTT gives no acknowledgement. */
        SENT(true),
        /** QoS 1/2: PUBACK or PUBCOMP with a reason code below 0x80 (0x00 success, 0x10 no subscribers). */
        ACKNOWLEDGED(true),
        /** QoS 1/2: the broker answered with an error reason code (0x80 and above), e.g. not authorized. */
        REJECTED(false),
        /** Refused before sending: the topic breaks the MQTT rules; args: the {@code Topics.Problem} name. */
        INVALID_TOPIC(false),
        /** Refused before sending: the packet exceeds the broker's maximum; args: packet size, limit. */
        TOO_LARGE(false),
        /** Refused before sending: MQTT 5 properties set, but the connection speaks 3.1.1. */
        PROPERTIES_NEED_MQTT5(false),
        /** Refused before sending: the broker's Maximum QoS is lower; args: the maximum. */
        QOS_NOT_SUPPORTED(false),
        /** Refused before sending: the broker said Retain Available = false. */
        RETAIN_NOT_SUPPORTED(false),
        /** Refused: QoS 0 cannot wait for a connection, and it would be lost. */
        OFFLINE_QOS0(false),
        /** Refused: the offline queue is full; args: its capacity. */
        QUEUE_FULL(false),
        /** Refused: the connection was closed for good. */
        CLOSED(false),
        /** The client library failed to send; args: its words. */
        FAILED(false);

        private final boolean delivered;

        Kind(boolean delivered) {
            this.delivered = delivered;
        }

        /** Whether the message left for the broker (and, for QoS 1/2, the broker accepted it). */
        public boolean delivered() {
            return delivered;
        }
    }

    public PublishOutcome {
        args = List.copyOf(args);
    }

    public static PublishOutcome sent() {
        return new PublishOutcome(Kind.SENT, OptionalInt.empty(), Optional.empty(), List.of());
    }

    /** A PUBACK/PUBCOMP: below 0x80 it is accepted, from 0x80 on it is an error (MQTT 5, 2.4). */
    public static PublishOutcome acknowledged(OptionalInt code, Optional<String> reason) {
        boolean error = code.isPresent() && code.getAsInt() >= 0x80;
        return new PublishOutcome(error ? Kind.REJECTED : Kind.ACKNOWLEDGED, code, reason, List.of());
    }

    public static PublishOutcome refused(Kind kind, Object... args) {
        return new PublishOutcome(kind, OptionalInt.empty(), Optional.empty(),
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** An English one-liner for logs and test failures; the UI localizes from the fields instead. */
    public String describe() {
        StringBuilder text = new StringBuilder(kind.name());
        reasonCode.ifPresent(c -> text.append(' ').append(ReasonCodes.hex(c)).append(' ').append(ReasonCodes.name(c)));
        reasonString.ifPresent(r -> text.append(" \"").append(r).append('"'));
        if (!args.isEmpty()) {
            text.append(' ').append(args);
        }
        return text.toString();
    }
}
