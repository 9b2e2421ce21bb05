package org.brokerscope.ui.publish;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.brokerscope.domain.Topics;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.Publication;
import org.brokerscope.mqtt.PublishOutcome;
import org.brokerscope.mqtt.PublishPacket;
import org.brokerscope.mqtt.PublishRequest;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;
import org.brokerscope.ui.publish.DraftCompiler.Field;
import org.brokerscope.domain.TopicSnapshot;

/**
 * The Publish view's state and commands: the form checked on every change, sending, the result of each
 * send, the offline queue and the history. Results from MQTT threads reach it only through
 * {@link #onFrame(Frame)}. Repeat, templates and request/response live in their own small models.
 */
public final class PublishViewModel {
    static final int MAX_SETTLED_PER_FRAME = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final PublishSession session;
    private final I18n i18n;
    private final OutcomeTexts texts;
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    private final PublishForm form = new PublishForm();
    private final KnownTopics knownTopics = new KnownTopics();
    private String suggestionsFor = ""; // the broker the known topics came from
    private final PayloadFile payloadFile;
    private final RepeatModel repeat;
    private final RequestReplyModel requestReply;
    private final TemplatesModel templates;
    private final ReadOnlyStringWrapper topicMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper topicInvalid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper topicReserved = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper payloadMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper payloadSize = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper propertiesMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sendDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resultFailed = new ReadOnlyBooleanWrapper();
    private final ConnectionInfo connection;
    private long sendCounter;
    private HistoryEntry latest;

    public PublishViewModel(PublishSession session, I18n i18n) {
        this.session = session;
        this.i18n = i18n;
        this.texts = new OutcomeTexts(i18n);
        this.connection = new ConnectionInfo(i18n);
        this.payloadFile = new PayloadFile(session, i18n, form);
        this.repeat = new RepeatModel(this, i18n);
        this.requestReply = new RequestReplyModel(session, i18n, this);
        this.templates = new TemplatesModel(session, i18n, form);
        javafx.beans.Observable[] fields = form.all();
        for (javafx.beans.Observable field : fields) {
            field.addListener(o -> revalidate());
        }
        payloadFile.loadedProperty().addListener(o -> revalidate());
        connection.mqtt5Property().addListener(o -> revalidate());
        connection.maximumPacketSizeProperty().addListener(o -> revalidate());
        revalidate();
    }

    public PublishForm form() {
        return form;
    }

    /** Opens the form on {@code topic}, e.g. from the topic tree's "Publish to this topic". */
    public void prefill(String topic) {
        form.topicProperty().set(topic);
    }

    /** Sends the form once. */
    public void send() {
        compileNext().ifPresent(this::submitRequest);
    }

    /** Sends exactly what an earlier entry sent again. */
    public void resend(HistoryEntry entry) {
        submit(entry.request(), entry.draft());
    }

    /** Puts an earlier entry's form back, to change it and send it as a new message. */
    public void editAsNew(HistoryEntry entry) {
        form.load(entry.draft());
    }

    public void prettyPrintJson() {
        form.payloadTextProperty().set(JsonPayloads.pretty(form.payloadTextProperty().get()));
    }

    public void minifyJson() {
        form.payloadTextProperty().set(JsonPayloads.minify(form.payloadTextProperty().get()));
    }

    /** Up to 15 live topics starting with (or else containing) what is typed, for autocompletion. */
    public java.util.List<String> topicSuggestions(String typed) {
        return knownTopics.suggestions(typed);
    }

    public void onFrame(Frame frame) {
        String broker = frame.status().brokerUrl().orElse("");
        if (!broker.equals(suggestionsFor)) {
            knownTopics.clear(); // another broker's topics would be wrong suggestions
            suggestionsFor = broker;
        }
        // Changes also carry the levels above a topic; only topics that received a message are suggested.
        knownTopics.addAll(frame.changes().values().stream().filter(s -> s.lastMessageOrNull() != null)
                .map(TopicSnapshot::topic).toList());
        for (int i = 0; i < MAX_SETTLED_PER_FRAME; i++) {
            Runnable arrived = session.arrived().poll();
            if (arrived == null) {
                break;
            }
            arrived.run();
        }
        connection.update(session.connection().get().flatMap(BrokerConnection::negotiated), session.publisher());
        repeat.onFrame(frame.nowNanos());
        requestReply.onFrame(frame);
        templates.onFrame();
    }

    /** Compiles the form for the next send, advancing {counter}; empty (and a message shown) when it cannot. */
    Optional<PublishRequest> compileNext() {
        DraftCompiler.Compiled compiled = DraftCompiler.compile(form.draft(), payloadFile.bytes(), ++sendCounter,
                session.clock().instant(), random);
        if (compiled.request().isEmpty() || sendDisabled.get()) {
            sendCounter--;
            revalidate();
            return Optional.empty();
        }
        return compiled.request();
    }

    void submitRequest(PublishRequest request) {
        submit(request, form.draft());
    }

    /** Sends and records in the history; {@code onSettled} runs on the FX thread with the outcome. */
    HistoryEntry submit(PublishRequest request, PublishDraft draft, java.util.function.Consumer<PublishOutcome> onSettled) {
        Publication publication = session.publisher().send(request);
        HistoryEntry entry = new HistoryEntry(TIME.format(session.clock().instant()), request, draft,
                i18n.text(publication.queued() ? "publish.outcome.QUEUED" : "publish.outcome.PENDING"));
        session.history().add(entry);
        latest = entry;
        showResult(entry);
        publication.outcome().thenAccept(outcome -> session.arrived().add(() -> {
            entry.settle(texts.describe(outcome), !outcome.kind().delivered());
            if (entry == latest) {
                showResult(entry);
            }
            onSettled.accept(outcome);
        }));
        return entry;
    }

    private void submit(PublishRequest request, PublishDraft draft) {
        submit(request, draft, outcome -> { });
    }

    private void showResult(HistoryEntry entry) {
        result.set(entry.topic() + " · " + entry.resultProperty().get());
        resultFailed.set(entry.failedProperty().get());
    }

    private void revalidate() {
        PublishDraft draft = form.draft();
        DraftCompiler.Compiled compiled = DraftCompiler.compile(draft, payloadFile.bytes(), sendCounter + 1,
                session.clock().instant(), random);
        Optional<DraftCompiler.Problem> topic = compiled.first(Field.TOPIC);
        topicInvalid.set(topic.isPresent());
        topicReserved.set(topic.isEmpty() && Topics.isReserved(draft.topic()));
        topicMessage.set(topic.map(texts::problem)
                .orElse(topicReserved.get() ? i18n.text("publish.topic.reserved") : i18n.text("publish.topic.ok")));
        long packet = compiled.request().map(r -> PublishPacket.size(r, connection.mqtt5Property().get())).orElse(0L);
        boolean tooLarge = packet > connection.maximumPacketSizeProperty().get();
        payloadMessage.set(compiled.first(Field.PAYLOAD).map(texts::problem).orElse(tooLarge
                ? texts.describe(PublishOutcome.refused(PublishOutcome.Kind.TOO_LARGE, packet,
                        connection.maximumPacketSizeProperty().get())) : ""));
        boolean propertiesOn311 = !connection.mqtt5Property().get() && draft.hasProperties();
        propertiesMessage.set(compiled.first(Field.PROPERTIES).map(texts::problem)
                .orElse(propertiesOn311 ? i18n.text("publish.properties.on311") : ""));
        payloadSize.set(compiled.payloadSize().map(n -> i18n.text("publish.payload.size", n)).orElse("—"));
        sendDisabled.set(compiled.request().isEmpty() || propertiesOn311 || tooLarge);
    }

    public ReadOnlyStringProperty topicMessageProperty() {
        return topicMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty topicInvalidProperty() {
        return topicInvalid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty topicReservedProperty() {
        return topicReserved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty payloadMessageProperty() {
        return payloadMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty payloadSizeProperty() {
        return payloadSize.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty propertiesMessageProperty() {
        return propertiesMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendDisabledProperty() {
        return sendDisabled.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resultFailedProperty() {
        return resultFailed.getReadOnlyProperty();
    }

    public ObservableList<HistoryEntry> history() {
        return session.history().entries();
    }

    public ConnectionInfo connection() {
        return connection;
    }

    public PayloadFile payloadFile() {
        return payloadFile;
    }

    public RepeatModel repeat() {
        return repeat;
    }

    public RequestReplyModel requestReply() {
        return requestReply;
    }

    public TemplatesModel templates() {
        return templates;
    }

    /** The one-line classroom explanation of a QoS level. */
    public String qosExplanation(int qos) {
        return i18n.text("publish.qos.explain." + qos);
    }
}
