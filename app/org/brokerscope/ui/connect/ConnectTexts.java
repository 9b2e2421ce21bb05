package org.brokerscope.ui.connect;

import java.util.HexFormat;
import java.util.Optional;
import org.brokerscope.mqtt.ConnectionFailure;
import org.brokerscope.mqtt.NegotiatedSession;
import org.brokerscope.ui.I18n;

/** Puts connection failures and what the broker granted into the user's language. */
public final class ConnectTexts {
    private final I18n i18n;

    public ConnectTexts(I18n i18n) {
        this.i18n = i18n;
    }

    /** One plain sentence, with the broker's MQTT reason code when it sent one. */
    public String failure(ConnectionFailure failure) {
        String sentence = i18n.text("connect.failure." + failure.kind().name());
        return failure.reasonCode()
                .map(code -> i18n.text("connect.reasonCode", sentence, HexFormat.of().toHexDigits((byte) (int) code).toUpperCase()))
                .orElse(sentence);
    }

    public String details(ConnectionFailure failure) {
        return i18n.text("connect.details", failure.detail());
    }

    public String granted(NegotiatedSession session) {
        if (!"5.0".equals(session.protocolVersion())) {
            return i18n.text("connect.granted.v311");
        }
        String byDefault = i18n.text("connect.granted.default");
        return i18n.text("connect.granted.v5", or(session.maximumQos(), byDefault),
                session.retainAvailable().map(r -> i18n.text(r ? "connect.granted.yes" : "connect.granted.no")).orElse(byDefault),
                or(session.maximumPacketSize(), byDefault), or(session.topicAliasMaximum(), byDefault),
                session.serverKeepAlive().map(s -> s + " s").orElse(byDefault), or(session.assignedClientId(), "—"));
    }

    private static String or(Optional<?> value, String otherwise) {
        return value.map(String::valueOf).orElse(otherwise);
    }
}
