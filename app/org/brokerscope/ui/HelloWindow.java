package org.brokerscope.ui;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The smallest JavaFX window, started exactly like Brokerscope, as the reference for
 * {@code bench startup}: no JavaFX app can show a window faster on the same machine.
 */
public final class HelloWindow {
    private HelloWindow() {
    }

    // Like Main and BrokerscopeApp: a main class that is itself an Application is refused on a classpath.
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("Hello"), 300, 200));
            stage.show();
            long launched = ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("Window shown " + (System.currentTimeMillis() - launched) + " ms after launch");
            Platform.runLater(Platform::exit);
        }
    }
}
