package org.brokerscope.ui.topics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.MessageProperties;
import org.brokerscope.domain.PayloadText;
import org.brokerscope.ui.I18n;

/** A message's metadata as key/value rows: QoS, retained, time, size and every MQTT 5 property. */
final class MessageDetails {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private final I18n i18n;

    /** One row; keys repeat for repeated user properties. */
    public record Detail(String key, String value) {
    }

    MessageDetails(I18n i18n) {
        this.i18n = i18n;
    }

    String text(String key, Object... args) {
        return i18n.text(key, args);
    }

    List<Detail> of(Message m) {
        List<Detail> rows = new ArrayList<>();
        rows.add(row("inspector.meta.topic", TopicCells.shortened(i18n, m.topic())));
        rows.add(row("inspector.meta.qos", String.valueOf(m.qos())));
        rows.add(row("inspector.meta.retained", i18n.text(m.retained() ? "inspector.yes" : "inspector.no")));
        rows.add(row("inspector.meta.time", TIME.format(Instant.ofEpochMilli(m.receivedAtMillis()))));
        rows.add(row("inspector.meta.size", i18n.text("inspector.meta.bytes", m.payloadSize())));
        MessageProperties p = m.properties();
        p.contentType().ifPresent(v -> rows.add(row("inspector.meta.contentType", v)));
        if (p.payloadIsUtf8()) {
            rows.add(row("inspector.meta.payloadFormat", "1 (UTF-8)"));
        }
        p.messageExpiryInterval().ifPresent(v -> rows.add(row("inspector.meta.expiry", v + " s")));
        p.responseTopic().ifPresent(v -> rows.add(row("inspector.meta.responseTopic", v)));
        p.correlationData().ifPresent(v -> rows.add(row("inspector.meta.correlation", correlation(v))));
        p.userProperties().forEach(u -> rows.add(new Detail(i18n.text("inspector.meta.user", u.key()), u.value())));
        if (!p.subscriptionIdentifiers().isEmpty()) {
            rows.add(row("inspector.meta.subscriptionIds", p.subscriptionIdentifiers().toString()));
        }
        if (p == MessageProperties.NONE) {
            rows.add(row("inspector.meta.properties", i18n.text("inspector.meta.none")));
        }
        return rows;
    }

    private Detail row(String key, String value) {
        return new Detail(i18n.text(key), value);
    }

    // Correlation data is bytes: show it as text when it is, and always in hex.
    private static String correlation(byte[] data) {
        String hex = HexFormat.of().formatHex(data, 0, Math.min(data.length, 64)) + (data.length > 64 ? "…" : "");
        return PayloadText.utf8(data, 64).invalidBytes() == 0
                ? new String(data, 0, Math.min(data.length, 64), StandardCharsets.UTF_8) + "  (" + hex + ")" : hex;
    }
}
