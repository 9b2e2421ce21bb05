package org.brokerscope.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.brokerscope.ui.AppView;
import org.brokerscope.ui.I18n;

/** The main window's frame: menu, sidebar navigation, the current view and the status bar. */
public final class ShellView {
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5};

    private final ShellViewModel model;
    private final I18n i18n;
    private final String currentLanguage;
    private final Function<AppView, Parent> views;
    private final Runnable onQuit;
    private final Runnable onAbout;
    private final Map<AppView, Parent> loaded = new EnumMap<>(AppView.class);

    @FXML private VBox navigation;
    @FXML private StackPane content;
    @FXML private Menu languageMenu;
    @FXML private Label brokerLabel;
    @FXML private Label connectionLabel;
    @FXML private Label rateLabel;
    @FXML private Label backlogLabel;
    @FXML private Label topicsLabel;
    @FXML private Label noticeLabel;
    @FXML private Label reconnectLabel;
    @FXML private javafx.scene.control.Hyperlink reconnectLink;

    /** @param views builds each view the first time it is shown */
    public ShellView(ShellViewModel model, I18n i18n, String currentLanguage, Function<AppView, Parent> views,
                     Runnable onQuit, Runnable onAbout) {
        this.model = model;
        this.i18n = i18n;
        this.currentLanguage = currentLanguage;
        this.views = views;
        this.onQuit = onQuit;
        this.onAbout = onAbout;
    }

    @FXML
    private void initialize() {
        buildNavigation();
        buildLanguageMenu();
        brokerLabel.textProperty().bind(model.brokerProperty());
        connectionLabel.textProperty().bind(model.connectionProperty());
        rateLabel.textProperty().bind(model.rateProperty());
        backlogLabel.textProperty().bind(model.backlogProperty());
        topicsLabel.textProperty().bind(model.topicsProperty());
        noticeLabel.textProperty().bind(model.noticeProperty());
        reconnectLabel.textProperty().bind(model.reconnectProperty());
        // A long reason is cut in the status bar; the tooltip shows it whole.
        javafx.scene.control.Tooltip reason = new javafx.scene.control.Tooltip();
        reason.textProperty().bind(model.reconnectProperty());
        reason.setWrapText(true);
        reason.setMaxWidth(480);
        reconnectLabel.setTooltip(reason);
        // The counters can outgrow the status bar (lag, skip and the broker's drops at once): the label is cut
        // rather than widening the window past the screen, and the tooltip shows the whole text first.
        javafx.scene.control.Tooltip backlogHelp = new javafx.scene.control.Tooltip();
        backlogHelp.textProperty().bind(javafx.beans.binding.Bindings.concat(model.backlogProperty(), "\n\n",
                i18n.text("status.backlog.tooltip")));
        backlogHelp.setWrapText(true);
        backlogHelp.setMaxWidth(480);
        backlogLabel.setTooltip(backlogHelp);
        reconnectLink.visibleProperty().bind(model.reconnectOfferedProperty());
        reconnectLink.managedProperty().bind(reconnectLink.visibleProperty());
        model.healthProperty().addListener((obs, old, now) -> showHealth(now));
        showHealth(model.healthProperty().get());
        model.losingProperty().addListener((obs, old, now) ->
                backlogLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass("losing"), now));
        model.selectedViewProperty().addListener((obs, old, now) -> show(now));
        show(model.selectedViewProperty().get());
    }

    private void buildNavigation() {
        ToggleGroup group = new ToggleGroup();
        for (AppView view : AppView.values()) {
            ToggleButton button = new ToggleButton(i18n.text("view." + view.id()));
            button.setId("nav-" + view.id());
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.getStyleClass().add("nav-button");
            button.setUserData(view);
            button.setOnAction(e -> model.selectedViewProperty().set(view));
            navigation.getChildren().add(button);
        }
        // A toggle group lets the user deselect; the shell always shows exactly one view.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        model.selectedViewProperty().addListener((obs, old, now) -> select(group, now));
        select(group, model.selectedViewProperty().get());
        navigation.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                for (AppView view : AppView.values()) {
                    scene.getAccelerators().put(new KeyCodeCombination(DIGITS[view.ordinal()], KeyCombination.SHORTCUT_DOWN),
                            () -> model.selectedViewProperty().set(view));
                }
            }
        });
    }

    private static void select(ToggleGroup group, AppView view) {
        group.getToggles().stream().filter(t -> t.getUserData() == view).findFirst().ifPresent(t -> t.setSelected(true));
    }

    private void buildLanguageMenu() {
        ToggleGroup group = new ToggleGroup();
        for (String language : I18n.LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(i18n.text("language." + language));
            item.setId("language-" + language);
            item.setToggleGroup(group);
            item.setSelected(language.equals(currentLanguage));
            item.setOnAction(e -> model.chooseLanguage(language));
            languageMenu.getItems().add(item);
        }
    }

    private void show(AppView view) {
        content.getChildren().setAll(loaded.computeIfAbsent(view, views));
    }

    private void showHealth(ShellViewModel.Health health) {
        for (ShellViewModel.Health h : ShellViewModel.Health.values()) {
            connectionLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass(h.name().toLowerCase()), h == health);
        }
    }

    @FXML
    private void quit() {
        onQuit.run();
    }

    @FXML
    private void connect() {
        model.openConnectDialog();
    }

    @FXML
    private void reconnectNow() {
        model.reconnectNow();
    }

    @FXML
    private void about() {
        onAbout.run();
    }
}
