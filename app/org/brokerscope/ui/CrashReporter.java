package org.brokerscope.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;
import org.brokerscope.Logging;
import org.brokerscope.Version;

/**
 * What happens to an exception nobody caught, on any thread: it is written to the rotating log file, and
 * the user sees a dialog saying the app goes on, with the details and a button to copy them for a bug
 * report. One dialog at a time: a burst of failures shows one dialog that counts the others, so a
 * failing loop cannot bury the window under dialogs.
 */
public final class CrashReporter implements Thread.UncaughtExceptionHandler {
    private static final System.Logger LOG = System.getLogger(CrashReporter.class.getName());

    private final Supplier<I18n> i18n;
    private final Supplier<Window> owner;
    private final AtomicBoolean dialogPending = new AtomicBoolean();
    private final AtomicInteger alsoFailed = new AtomicInteger();

    /** @param i18n the current language (it changes when the user switches); @param owner the main window */
    public CrashReporter(Supplier<I18n> i18n, Supplier<Window> owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    /** Makes this the handler for every thread that has none of its own. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "Uncaught exception in thread " + thread.getName(), error);
        if (!dialogPending.compareAndSet(false, true)) {
            alsoFailed.incrementAndGet();
            return;
        }
        String details = details(thread, error);
        try {
            // Always later, never here: an exception thrown during a pulse or layout cannot open a dialog.
            Platform.runLater(() -> show(error, details));
        } catch (IllegalStateException toolkitGone) {
            dialogPending.set(false); // shutting down: the log line is all there can be
        }
    }

    private void show(Throwable error, String details) {
        I18n text = i18n.get();
        Alert alert = new Alert(Alert.AlertType.ERROR);
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            alert.initOwner(window);
        }
        alert.setTitle(text.text("crash.title"));
        alert.setHeaderText(text.text("crash.header"));
        alert.setContentText(text.text("crash.text", summary(error), Logging.currentFile().toString()));
        TextArea area = new TextArea(details);
        area.setEditable(false);
        area.setId("crashDetails");
        alert.getDialogPane().setExpandableContent(area);
        ButtonType copy = new ButtonType(text.text("crash.copy"), ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().setAll(copy, ButtonType.CLOSE);
        Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
        copyButton.setId("crashCopy");
        copyButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // copying must not close the dialog
            ClipboardContent content = new ClipboardContent();
            content.putString(detailsWithLaterFailures(details));
            Clipboard.getSystemClipboard().setContent(content);
            copyButton.setText(text.text("crash.copied"));
        });
        alert.setOnHidden(e -> {
            alsoFailed.set(0);
            dialogPending.set(false);
        });
        alert.show();
    }

    private String detailsWithLaterFailures(String details) {
        int more = alsoFailed.get();
        return more == 0 ? details : details + "\n(" + more + " more uncaught exceptions followed; see the log file.)";
    }

    static String summary(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String details(Thread thread, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return "Brokerscope " + Version.current() + ", Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n"
                + ZonedDateTime.now() + ", thread " + thread.getName() + "\n\n" + trace;
    }
}
