package org.brokerscope.ui.publish;

import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.brokerscope.mqtt.PublishRequest;
import org.brokerscope.ui.I18n;

/**
 * "Send every N ms, up to a count or until stopped", driven by the FX pump's frames: each frame sends what
 * is due, so there is no timer thread, and {counter} counts the messages of the run. FX thread only.
 */
public final class RepeatModel {
    private final PublishViewModel form;
    private final I18n i18n;
    private final StringProperty intervalMillis = new SimpleStringProperty("1000");
    private final StringProperty count = new SimpleStringProperty("10");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private RepeatRun run;
    private long failed;

    RepeatModel(PublishViewModel form, I18n i18n) {
        this.form = form;
        this.i18n = i18n;
    }

    public void start() {
        Optional<Long> interval = parse(intervalMillis.get(), 1);
        Optional<Long> limit = count.get().isBlank() ? Optional.of(0L) : parse(count.get(), 0);
        if (interval.isEmpty() || limit.isEmpty()) {
            status.set(i18n.text("publish.repeat.invalid"));
            return;
        }
        run = RepeatRun.start(interval.get(), limit.get(), System.nanoTime(), form.form().qosProperty().get());
        failed = 0;
        running.set(true);
        showCounter();
    }

    public void stop() {
        if (run != null) {
            showCounter();
        }
        run = null;
        running.set(false);
    }

    void onFrame(long nowNanos) {
        if (run == null) {
            return;
        }
        for (int due = run.dueAt(nowNanos); due > 0 && run != null; due--) {
            Optional<PublishRequest> request = form.compileNext();
            if (request.isEmpty()) {
                stop();
                status.set(i18n.text("publish.repeat.stoppedInvalid"));
                return;
            }
            RepeatRun current = run.sentOne();
            run = current;
            form.submit(request.get(), form.form().draft(), outcome -> settled(outcome.kind().delivered()));
        }
        showCounter();
        if (run != null && run.finished()) {
            stop();
        }
    }

    private void settled(boolean delivered) {
        if (!delivered) {
            failed++;
        }
        if (run != null) {
            run = run.settledOne();
        }
    }

    private void showCounter() {
        status.set(run.limit() > 0 ? i18n.text("publish.repeat.counter", run.sent(), run.limit(), failed)
                : i18n.text("publish.repeat.counterUnbounded", run.sent(), failed));
    }

    private static Optional<Long> parse(String text, long minimum) {
        try {
            long value = Long.parseLong(text.strip());
            return value >= minimum ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public StringProperty intervalMillisProperty() {
        return intervalMillis;
    }

    public StringProperty countProperty() {
        return count;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
