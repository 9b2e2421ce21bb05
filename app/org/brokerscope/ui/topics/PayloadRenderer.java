package org.brokerscope.ui.topics;

import java.util.OptionalDouble;
import javafx.collections.FXCollections;
import org.brokerscope.domain.PayloadPreview;
import org.brokerscope.domain.PayloadText;
import org.brokerscope.ui.I18n;

/** Detects a payload's kind and renders it in a mode, with its caps stated. */
final class PayloadRenderer {
    /** Text decoded for the first look; "Show all" decodes the rest. */
    static final int TEXT_PREVIEW_BYTES = 256 * 1024;
    private static final int LINE_WIDTH = 400;

    private final I18n i18n;
    private final JsonPayload json = new JsonPayload();

    PayloadRenderer(I18n i18n) {
        this.i18n = i18n;
    }

    JsonPayload json() {
        return json;
    }

    PayloadMode detect(byte[] payload) {
        if (PayloadText.image(payload).isPresent()) {
            return PayloadMode.IMAGE;
        }
        if (PayloadText.number(payload).isPresent()) {
            return PayloadMode.NUMBER;
        }
        if (json.parse(payload).ok()) {
            return PayloadMode.JSON;
        }
        return PayloadPreview.of(payload, 80).kind() == PayloadPreview.Kind.BINARY ? PayloadMode.HEX : PayloadMode.TEXT;
    }

    /** @param full decode the whole payload instead of the capped preview (may take a while for 16 MB) */
    PayloadRendering render(byte[] payload, PayloadMode mode, boolean full) {
        return switch (mode) {
            case JSON -> json(payload, full);
            case TEXT -> text(payload, full, "");
            case NUMBER -> number(payload, full);
            case HEX -> hex(payload);
            case IMAGE -> PayloadText.image(payload).isPresent()
                    ? new PayloadRendering(mode, FXCollections.emptyObservableList(), null, payload, OptionalDouble.empty(), "", false)
                    : text(payload, full, i18n.text("inspector.note.notImage"));
        };
    }

    private PayloadRendering json(byte[] payload, boolean full) {
        JsonPayload.Parsed parsed = json.parse(payload);
        if (!parsed.ok()) {
            String why = payload.length > JsonPayload.MAX_PARSED_BYTES
                    ? i18n.text("inspector.note.jsonTooLarge", JsonPayload.MAX_PARSED_BYTES / 1024)
                    : i18n.text("inspector.note.notJson", parsed.error());
            return text(payload, full, why);
        }
        return new PayloadRendering(PayloadMode.JSON, LazyLines.ofText(json.pretty(parsed.node()), LINE_WIDTH),
                JsonPayload.tree("$", parsed.node()), null, OptionalDouble.empty(), "", false);
    }

    private PayloadRendering text(byte[] payload, boolean full, String prefixNote) {
        if (payload.length == 0) {
            return new PayloadRendering(PayloadMode.TEXT, FXCollections.observableArrayList(i18n.text("payload.empty")),
                    null, null, OptionalDouble.empty(), prefixNote, false);
        }
        PayloadText.Decoded decoded = PayloadText.utf8(payload, full ? payload.length : TEXT_PREVIEW_BYTES);
        StringBuilder note = new StringBuilder(prefixNote);
        if (decoded.invalidBytes() > 0) {
            append(note, i18n.text("inspector.note.invalidUtf8", decoded.invalidBytes()));
        }
        boolean capped = decoded.decodedBytes() < payload.length;
        if (capped) {
            append(note, i18n.text("inspector.note.capped", Sizes.human(decoded.decodedBytes()), Sizes.human(payload.length)));
        }
        return new PayloadRendering(PayloadMode.TEXT, LazyLines.ofText(decoded.text(), LINE_WIDTH), null, null,
                OptionalDouble.empty(), note.toString(), capped);
    }

    private PayloadRendering number(byte[] payload, boolean full) {
        OptionalDouble value = PayloadText.number(payload);
        if (value.isEmpty()) {
            return text(payload, full, i18n.text("inspector.note.notNumber"));
        }
        return new PayloadRendering(PayloadMode.NUMBER, FXCollections.emptyObservableList(), null, null, value, "", false);
    }

    private PayloadRendering hex(byte[] payload) {
        // Lazy lines: the whole payload is always shown, whatever its size.
        return new PayloadRendering(PayloadMode.HEX, new LazyLines(PayloadText.hexLineCount(payload),
                i -> PayloadText.hexLine(payload, i)), null, null, OptionalDouble.empty(), "", false);
    }

    private static void append(StringBuilder note, String more) {
        if (!note.isEmpty()) {
            note.append(" · ");
        }
        note.append(more);
    }
}
