package org.brokerscope.ui.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.brokerscope.domain.PayloadEncoding;
import org.brokerscope.domain.PayloadFormat;
import org.brokerscope.domain.PayloadTemplate;
import org.brokerscope.domain.Topics;
import org.brokerscope.mqtt.PublishRequest;

/**
 * Turns the form as typed into a {@link PublishRequest}, or into the problems that stop it, each with a
 * message key for the field it belongs to. Pure and FX-free, so the form is checked on every keystroke
 * and the same rules apply when sending, repeating and re-sending.
 */
final class DraftCompiler {
    /** MQTT 5 Message Expiry Interval is a four-byte integer. */
    static final long MAX_EXPIRY = 4_294_967_295L;

    enum Field { TOPIC, PAYLOAD, PROPERTIES }

    /** A message key under {@code publish.problem.}, with its arguments. */
    record Problem(Field field, String key, List<Object> args) {
    }

    /** The request, or why there is none. */
    /** @param payloadSize the payload's size when it encodes, even if another field is wrong */
    record Compiled(Optional<PublishRequest> request, List<Problem> problems, Optional<Integer> payloadSize) {
        Optional<Problem> first(Field field) {
            return problems.stream().filter(p -> p.field() == field).findFirst();
        }
    }

    private DraftCompiler() {
    }

    /**
     * @param fileBytes the payload for {@link PayloadFormat#FILE}, empty while not read
     * @param counter   the value of {@code {counter}}
     */
    static Compiled compile(PublishDraft draft, Optional<byte[]> fileBytes, long counter, Instant now,
                            RandomGenerator random) {
        List<Problem> problems = new ArrayList<>();
        Topics.checkName(draft.topic()).ifPresent(p -> problems.add(new Problem(Field.TOPIC, "topic." + p.name(), List.of())));
        Optional<byte[]> payload = payload(draft, fileBytes, new PayloadTemplate.Context(counter, now, random), problems);
        PublishRequest.Builder builder = PublishRequest.to(draft.topic()).qos(draft.qos()).retained(draft.retained());
        properties(draft, builder, problems);
        Optional<Integer> size = payload.map(b -> b.length);
        if (!problems.isEmpty() || payload.isEmpty()) {
            return new Compiled(Optional.empty(), List.copyOf(problems), size);
        }
        return new Compiled(Optional.of(builder.payload(payload.get()).build()), List.of(), size);
    }

    private static Optional<byte[]> payload(PublishDraft draft, Optional<byte[]> fileBytes,
                                            PayloadTemplate.Context context, List<Problem> problems) {
        if (draft.format() == PayloadFormat.FILE) {
            if (fileBytes.isEmpty()) {
                problems.add(new Problem(Field.PAYLOAD, "payload.noFile", List.of()));
            }
            return fileBytes;
        }
        String text = draft.payloadText();
        if (draft.expandVariables()) {
            PayloadTemplate.Result expanded = PayloadTemplate.expand(text, context);
            if (expanded.error().isPresent()) {
                PayloadTemplate.Error e = expanded.error().get();
                problems.add(new Problem(Field.PAYLOAD, "template." + e.problem().name(), List.of(e.fragment(), e.position() + 1)));
                return Optional.empty();
            }
            text = expanded.text().orElseThrow();
        }
        if (draft.format() == PayloadFormat.JSON) {
            Optional<String> json = JsonPayloads.problem(text);
            if (json.isPresent()) {
                problems.add(new Problem(Field.PAYLOAD, "payload.json", List.of(json.get())));
                return Optional.empty();
            }
        }
        PayloadEncoding.Encoded encoded = PayloadEncoding.encode(draft.format(), text);
        encoded.problem().ifPresent(p -> problems.add(new Problem(Field.PAYLOAD, "payload." + p.name(),
                List.of(encoded.position() + 1))));
        return encoded.bytes();
    }

    private static void properties(PublishDraft draft, PublishRequest.Builder builder, List<Problem> problems) {
        if (!draft.messageExpiry().isBlank()) {
            long expiry = parseExpiry(draft.messageExpiry().strip());
            if (expiry < 0) {
                problems.add(new Problem(Field.PROPERTIES, "expiry", List.of(MAX_EXPIRY)));
            } else {
                builder.messageExpirySeconds(expiry);
            }
        }
        if (!draft.contentType().isBlank()) {
            builder.contentType(draft.contentType().strip());
        }
        if (!draft.responseTopic().isBlank()) {
            Topics.checkName(draft.responseTopic().strip()).ifPresentOrElse(
                    p -> problems.add(new Problem(Field.PROPERTIES, "responseTopic", List.of())),
                    () -> builder.responseTopic(draft.responseTopic().strip()));
        }
        if (!draft.correlationData().isEmpty()) {
            builder.correlationData(draft.correlationData().getBytes(StandardCharsets.UTF_8));
        }
        builder.payloadIsUtf8(draft.payloadUtf8());
        for (PublishDraft.KeyValue property : draft.userProperties()) {
            if (property.key().isBlank() && property.value().isBlank()) {
                continue; // the table's empty last row
            }
            if (property.key().isBlank()) {
                problems.add(new Problem(Field.PROPERTIES, "userPropertyKey", List.of(property.value())));
            } else {
                builder.userProperty(property.key(), property.value());
            }
        }
    }

    private static long parseExpiry(String text) {
        try {
            long value = Long.parseLong(text);
            return value >= 0 && value <= MAX_EXPIRY ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
