package org.brokerscope.ui.publish;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.MessageProperties;
import org.brokerscope.domain.PayloadPreview;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.PublishRequest;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;

/**
 * MQTT 5 request/response: the form is sent with this run's reply topic as Response Topic and a fresh
 * correlation ID; the reply is recognised when it shows up in a frame on that topic with the same
 * correlation data (the app's connection is subscribed to it), or a timeout is shown. One request at a time.
 */
public final class RequestReplyModel {
    static final long TIMEOUT_SECONDS = 10;
    private static final int PREVIEW_CHARS = 200;

    private final PublishSession session;
    private final I18n i18n;
    private final PublishViewModel form;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper();
    private byte[] correlation;
    private long sentNanos;
    private boolean subscribed;

    RequestReplyModel(PublishSession session, I18n i18n, PublishViewModel form) {
        this.session = session;
        this.i18n = i18n;
        this.form = form;
    }

    public void sendAndAwait() {
        Optional<BrokerConnection> connection = session.connection().get();
        if (connection.isEmpty() || !form.connection().mqtt5Property().get()) {
            status.set(i18n.text("publish.reply.needsMqtt5"));
            return;
        }
        Optional<PublishRequest> compiled = form.compileNext();
        if (compiled.isEmpty()) {
            return;
        }
        if (!subscribed) {
            connection.get().subscribe(session.replyTopic(), 1);
            subscribed = true;
        }
        correlation = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        PublishRequest plain = compiled.get();
        MessageProperties p = plain.properties();
        PublishRequest request = new PublishRequest(plain.topic(), plain.payload(), plain.qos(), plain.retained(),
                new MessageProperties(p.contentType(), Optional.of(session.replyTopic()), Optional.of(correlation),
                        p.messageExpiryInterval(), p.payloadIsUtf8(), p.userProperties()));
        sentNanos = System.nanoTime();
        waiting.set(true);
        status.set(i18n.text("publish.reply.waiting", session.replyTopic()));
        form.submit(request, form.form().draft(), outcome -> {
            if (!outcome.kind().delivered() && waiting.get()) {
                waiting.set(false);
                status.set(i18n.text("publish.reply.notSent"));
            }
        });
    }

    void onFrame(Frame frame) {
        if (!waiting.get()) {
            return;
        }
        TopicSnapshot reply = frame.changes().get(session.replyTopic());
        Message message = reply == null ? null : reply.lastMessageOrNull();
        if (message != null && message.properties().correlationData().map(c -> Arrays.equals(c, correlation)).orElse(false)) {
            waiting.set(false);
            PayloadPreview.Preview preview = PayloadPreview.of(message.payload(), PREVIEW_CHARS);
            String text = switch (preview.kind()) {
                case TEXT -> preview.text();
                case EMPTY -> i18n.text("payload.empty");
                case BINARY -> i18n.text("payload.binary", preview.sizeBytes());
            };
            status.set(i18n.text("publish.reply.received",
                    TimeUnit.NANOSECONDS.toMillis(message.receivedAtNanos() - sentNanos), text));
        } else if (frame.nowNanos() - sentNanos > TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS)) {
            waiting.set(false);
            status.set(i18n.text("publish.reply.timeout", TIMEOUT_SECONDS, session.replyTopic()));
        }
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }
}
