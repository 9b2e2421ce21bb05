package org.brokerscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.brokerscope.Logging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Uncaught exceptions, on the FX thread and on others, in a real window: logged, shown once, copyable. */
class CrashReporterTest {
    private final FxRobot robot = new FxRobot();
    private Thread.UncaughtExceptionHandler previous;
    private Stage stage;

    @BeforeEach
    void openWindow() throws Exception {
        Logging.configure();
        previous = Thread.getDefaultUncaughtExceptionHandler();
        FxToolkit.registerPrimaryStage();
        I18n i18n = I18n.forLanguage("en");
        FxToolkit.setupStage(s -> {
            stage = s;
            s.setScene(new Scene(new StackPane(), 400, 300));
            s.show();
        });
        new CrashReporter(() -> i18n, () -> stage).install();
    }

    @AfterEach
    void restore() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(previous);
        FxToolkit.setupFixture(() -> Window.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(w -> ((Stage) w).close()));
    }

    @Test
    void anExceptionOnTheFxThreadIsLoggedShownAndCopyable() throws Exception {
        String marker = "boom-" + UUID.randomUUID();

        Platform.runLater(() -> {
            throw new IllegalStateException(marker);
        });

        DialogPane pane = awaitDialog();
        assertEquals("Something went wrong. Brokerscope keeps running.", pane.getHeaderText());
        assertTrue(pane.getContentText().contains("IllegalStateException: " + marker), pane.getContentText());
        clickCopy();
        AtomicReference<String> copied = new AtomicReference<>();
        FxToolkit.setupFixture(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertTrue(copied.get().contains(marker) && copied.get().contains("CrashReporterTest"), copied.get());
        assertEquals("Copied", ((Button) robot.lookup("#crashCopy").query()).getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(Logging.currentFile()).contains(marker));
        assertTrue(stage.isShowing(), "the app's window stays");
    }

    @Test
    void aBurstOfFailuresOnOtherThreadsShowsOneDialogThatCountsTheRest() throws Exception {
        String marker = "burst-" + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                throw new IllegalArgumentException(marker + " #" + n);
            }, "failing-" + i);
            t.start();
            t.join();
        }

        awaitDialog();
        WaitForAsyncUtils.waitForFxEvents();
        long dialogs = robot.lookup(".dialog-pane").queryAll().size();
        assertEquals(1, dialogs, "one dialog for a burst, not twenty");
        clickCopy();
        AtomicReference<String> copied = new AtomicReference<>();
        FxToolkit.setupFixture(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertTrue(copied.get().contains("19 more uncaught exceptions"), copied.get());
        // Every one of them is in the log, not just the one shown.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(Logging.currentFile()).contains(marker + " #19"));
    }

    private void clickCopy() throws Exception {
        // The dialog's window appears a few pulses after its pane exists.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#crashCopy").queryButton().getScene().getWindow().isShowing());
        // fire() rather than a robot click: under bare Xvfb a new dialog may sit outside the robot's idea of the screen.
        robot.interact(() -> robot.lookup("#crashCopy").queryButton().fire());
    }

    private DialogPane awaitDialog() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }
}
