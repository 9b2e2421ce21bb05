package org.brokerscope.ui.graph;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;

/**
 * Presenter mode: a full-screen window of its own, so the app's menus and sidebar disappear and the
 * main window keeps its state. F11 or Escape leaves it. It outlives a rebuild of the main window (a
 * language switch): {@link #follow} moves it to the new view model and rewrites it in the new language.
 */
public final class PresenterWindow {
    private GraphViewModel model;
    private I18n i18n;
    private Stage stage;
    private PresenterView view;
    private Window owner;
    private GraphViewModel.Painter painter;

    public PresenterWindow(GraphViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    public boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    /** Opens presenter mode over {@code owner}'s screen, or closes it when it is open. */
    public void toggle(Window owner) {
        if (isShowing()) {
            close();
        } else {
            open(owner);
        }
    }

    private void open(Window ownerWindow) {
        owner = ownerWindow;
        stage = new Stage();
        Scene scene = new Scene(content(), 1280, 800);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F11 || e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(true);
        stage.setOnHidden(e -> model.removePainter(painter));
        stage.show();
        stage.requestFocus();
    }

    // A new view in the current language, painted by the current model.
    private Parent content() {
        view = new PresenterView(model, i18n);
        Parent root = FxmlViews.load(view, i18n);
        if (owner != null && owner.getScene() != null) {
            root.getStylesheets().addAll(0, owner.getScene().getRoot().getStylesheets());
        }
        stage.setTitle(i18n.text("graph.presenter.title"));
        painter = view.canvas()::paint;
        model.addPainter(painter);
        model.presenterProperty().set(true);
        return root;
    }

    /**
     * The main window was rebuilt, e.g. in another language: from now on show {@code next}'s graph in
     * {@code nextI18n}'s words. An open presenter window stays open and full screen, rewritten.
     */
    public void follow(GraphViewModel next, I18n nextI18n) {
        if (isShowing()) {
            model.removePainter(painter);
            model.presenterProperty().set(false);
            model = next;
            i18n = nextI18n;
            stage.getScene().setRoot(content());
        } else {
            model = next;
            i18n = nextI18n;
        }
    }

    /** The presenter window's scene while open, for tests. */
    Scene scene() {
        return stage == null ? null : stage.getScene();
    }

    public void close() {
        if (stage != null) {
            stage.close();
            stage = null;
        }
        model.presenterProperty().set(false);
        // Give the keyboard back to the main window, or its shortcuts (Ctrl+Q) wait for a click.
        if (owner instanceof Stage main) {
            main.requestFocus();
        }
    }
}
