package org.brokerscope.ui.publish;

import java.util.List;
import java.util.MissingResourceException;
import org.brokerscope.mqtt.PublishOutcome;
import org.brokerscope.mqtt.ReasonCodes;
import org.brokerscope.ui.I18n;

/** Says what became of a publish in the user's language, with the broker's reason code and words. */
final class OutcomeTexts {
    private final I18n i18n;

    OutcomeTexts(I18n i18n) {
        this.i18n = i18n;
    }

    String describe(PublishOutcome outcome) {
        String base = switch (outcome.kind()) {
            case ACKNOWLEDGED, REJECTED -> outcome.reasonCode().isPresent()
                    ? i18n.text("publish.outcome." + outcome.kind() + ".code", reason(outcome.reasonCode().getAsInt()))
                    : i18n.text("publish.outcome." + outcome.kind());
            case INVALID_TOPIC -> i18n.text("publish.outcome.INVALID_TOPIC",
                    i18n.text("publish.problem.topic." + outcome.args().getFirst()));
            case TOO_LARGE -> i18n.text("publish.outcome.TOO_LARGE", Long.parseLong(outcome.args().get(0)),
                    Long.parseLong(outcome.args().get(1)));
            case QOS_NOT_SUPPORTED, QUEUE_FULL -> i18n.text("publish.outcome." + outcome.kind(),
                    Long.parseLong(outcome.args().getFirst()));
            case FAILED -> i18n.text("publish.outcome.FAILED", outcome.args().isEmpty() ? "?" : outcome.args().getFirst());
            default -> i18n.text("publish.outcome." + outcome.kind());
        };
        return outcome.reasonString().map(r -> base + " — “" + r + "”").orElse(base);
    }

    /** "0x10 No matching subscribers", translated when we know the code. */
    String reason(int code) {
        String name;
        try {
            name = i18n.text("publish.reason." + code);
        } catch (MissingResourceException e) {
            name = ReasonCodes.name(code);
        }
        return ReasonCodes.hex(code) + " " + name;
    }

    /** The first problem of a field as a sentence. */
    String problem(DraftCompiler.Problem problem) {
        List<Object> args = problem.args();
        return i18n.text("publish.problem." + problem.key(), args.toArray());
    }
}
