package org.brokerscope.graph;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Mosquitto's {@code $SYS/broker/...} topics into {@link BrokerFigures}. Mosquitto publishes
 * running totals every {@code sys_interval} seconds and only when they change, so rates are the change
 * of a total over the time between two of its updates.
 */
public final class SysStats {
    public static final String FILTER = "$SYS/#";
    private static final String PREFIX = "$SYS/broker/";
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d+)");

    private final Counter messagesIn = new Counter();
    private final Counter messagesOut = new Counter();
    private final Counter bytesIn = new Counter();
    private final Counter bytesOut = new Counter();
    private BrokerFigures figures = BrokerFigures.NONE;
    private boolean seen;
    private long lastTickNanos;

    /** Whether any {@code $SYS} topic has arrived: if none does, the broker does not publish them. */
    public boolean seen() {
        return seen;
    }

    public BrokerFigures figures() {
        return figures;
    }

    /** Takes one {@code $SYS} message; other topics are ignored. Unparsable values are left out, not guessed. */
    public void accept(String topic, byte[] payload, long nowNanos) {
        if (!topic.startsWith("$SYS/")) {
            return;
        }
        seen = true;
        if (!topic.startsWith(PREFIX)) {
            return;
        }
        String text = new String(payload, StandardCharsets.UTF_8).strip();
        if (topic.equals(PREFIX + "uptime")) {
            tick(nowNanos);
        }
        BrokerFigures f = figures;
        figures = switch (topic.substring(PREFIX.length())) {
            case "version" -> with(f, Optional.of(text), f.uptimeSeconds(), f.clients(), f.retained(), f.stored(), f.subscriptions());
            case "uptime" -> with(f, f.version(), number(text), f.clients(), f.retained(), f.stored(), f.subscriptions());
            case "clients/connected" -> with(f, f.version(), f.uptimeSeconds(), number(text), f.retained(), f.stored(), f.subscriptions());
            case "retained messages/count" -> with(f, f.version(), f.uptimeSeconds(), f.clients(), number(text), f.stored(), f.subscriptions());
            case "store/messages/count" -> with(f, f.version(), f.uptimeSeconds(), f.clients(), f.retained(), number(text), f.subscriptions());
            case "subscriptions/count" -> with(f, f.version(), f.uptimeSeconds(), f.clients(), f.retained(), f.stored(), number(text));
            case "messages/received" -> rates(f, messagesIn.update(number(text), nowNanos), null, null, null);
            case "messages/sent" -> rates(f, null, messagesOut.update(number(text), nowNanos), null, null);
            case "bytes/received" -> rates(f, null, null, bytesIn.update(number(text), nowNanos), null);
            case "bytes/sent" -> rates(f, null, null, null, bytesOut.update(number(text), nowNanos));
            default -> f;
        };
    }

    // Uptime comes every sys_interval; a total that did not change over a whole interval is not published
    // again, so its rate is zero, not the last one seen.
    private void tick(long nowNanos) {
        if (lastTickNanos != 0) {
            Optional<Double> zero = Optional.of(0.0);
            figures = rates(figures, messagesIn.idleSince(lastTickNanos) ? zero : null,
                    messagesOut.idleSince(lastTickNanos) ? zero : null, bytesIn.idleSince(lastTickNanos) ? zero : null,
                    bytesOut.idleSince(lastTickNanos) ? zero : null);
        }
        lastTickNanos = nowNanos;
    }

    private static BrokerFigures with(BrokerFigures f, Optional<String> version, Optional<Long> uptime, Optional<Long> clients,
                                      Optional<Long> retained, Optional<Long> stored, Optional<Long> subscriptions) {
        return new BrokerFigures(version, uptime, clients, f.messagesInPerSecond(), f.messagesOutPerSecond(),
                f.bytesInPerSecond(), f.bytesOutPerSecond(), retained, stored, subscriptions);
    }

    private static BrokerFigures rates(BrokerFigures f, Optional<Double> in, Optional<Double> out,
                                       Optional<Double> bytesInRate, Optional<Double> bytesOutRate) {
        return new BrokerFigures(f.version(), f.uptimeSeconds(), f.clients(),
                in != null ? in : f.messagesInPerSecond(), out != null ? out : f.messagesOutPerSecond(),
                bytesInRate != null ? bytesInRate : f.bytesInPerSecond(),
                bytesOutRate != null ? bytesOutRate : f.bytesOutPerSecond(), f.retained(), f.stored(), f.subscriptions());
    }

    // "42", "42 seconds": the leading integer.
    private static Optional<Long> number(String text) {
        Matcher m = LEADING_NUMBER.matcher(text);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** A running total and the rate of its last change. */
    private static final class Counter {
        private long lastValue = -1;
        private long lastNanos;
        private Optional<Double> rate = Optional.empty();

        boolean idleSince(long nanos) {
            return lastValue >= 0 && lastNanos < nanos;
        }

        Optional<Double> update(Optional<Long> value, long nowNanos) {
            if (value.isEmpty()) {
                return rate;
            }
            long v = value.get();
            if (lastValue >= 0 && nowNanos > lastNanos && v >= lastValue) {
                rate = Optional.of((v - lastValue) * 1e9 / (nowNanos - lastNanos));
            }
            lastValue = v;
            lastNanos = nowNanos;
            return rate;
        }
    }
}
