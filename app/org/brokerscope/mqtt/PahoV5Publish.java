package org.brokerscope.mqtt;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.brokerscope.domain.MessageProperties;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * A {@link PublishRequest} through Paho v5, answered with the broker's reason code and reason string.
 * Paho completes a QoS 1/2 token successfully even when the PUBACK carries an error code, so the code is
 * read from the token, not inferred from success.
 */
final class PahoV5Publish {
    private PahoV5Publish() {
    }

    static CompletableFuture<PublishOutcome> send(MqttAsyncClient client, PublishRequest request) {
        MqttMessage message = new MqttMessage(request.payload());
        message.setQos(request.qos());
        message.setRetained(request.retained());
        message.setProperties(toPaho(request.properties()));
        return PahoV5Calls.call(listener -> client.publish(request.topic(), message, null, listener),
                token -> outcome(request.qos(), token));
    }

    static PublishOutcome outcome(int qos, IMqttToken token) {
        if (qos == 0) {
            return PublishOutcome.sent();
        }
        int[] codes = token.getReasonCodes();
        MqttWireMessage response = token.getResponse();
        MqttProperties properties = response == null ? null : response.getProperties();
        return PublishOutcome.acknowledged(mostTelling(codes),
                Optional.ofNullable(properties == null ? null : properties.getReasonString()));
    }

    /**
     * At QoS 2 Paho appends the PUBCOMP's code to the PUBREC's ([0x10, 0x00] when nobody subscribed): show
     * an error first, else a code that says something (0x10), else success.
     */
    static OptionalInt mostTelling(int[] codes) {
        if (codes == null || codes.length == 0) {
            return OptionalInt.empty();
        }
        int chosen = codes[0];
        for (int code : codes) {
            if (code >= 0x80 && chosen < 0x80 || chosen == 0 && code != 0) {
                chosen = code;
            }
        }
        return OptionalInt.of(chosen);
    }

    static MqttProperties toPaho(MessageProperties p) {
        MqttProperties paho = new MqttProperties();
        p.contentType().ifPresent(paho::setContentType);
        p.responseTopic().ifPresent(paho::setResponseTopic);
        p.correlationData().ifPresent(paho::setCorrelationData);
        if (p.messageExpiryInterval().isPresent()) {
            paho.setMessageExpiryInterval(p.messageExpiryInterval().getAsLong());
        }
        paho.setPayloadFormat(p.payloadIsUtf8());
        if (!p.userProperties().isEmpty()) {
            paho.setUserProperties(p.userProperties().stream()
                    .map(u -> new UserProperty(u.key(), u.value())).toList());
        }
        return paho;
    }
}
