package org.brokerscope.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view by its one name: {@code FooView.fxml} beside {@code FooView.class} (from ui-fxml/),
 * with the given controller instance and the optional {@code foo-view.css} (from styles/).
 */
public final class FxmlViews {
    private FxmlViews() {
    }

    public static Parent load(Object controller, I18n i18n) {
        Class<?> viewClass = controller.getClass();
        URL fxml = Objects.requireNonNull(viewClass.getResource(viewClass.getSimpleName() + ".fxml"),
                () -> "No FXML for " + viewClass.getName());
        FXMLLoader loader = new FXMLLoader(fxml, i18n.bundle());
        loader.setController(controller);
        try {
            Parent root = loader.load();
            URL css = viewClass.getResource(kebab(viewClass.getSimpleName()) + ".css");
            if (css != null) {
                root.getStylesheets().add(css.toExternalForm());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml, e);
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
