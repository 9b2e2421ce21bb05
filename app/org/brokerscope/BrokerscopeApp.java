package org.brokerscope;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.brokerscope.AppStatus.Notice;
import org.brokerscope.settings.AppSettings;
import org.brokerscope.settings.ConfigDirectory;
import org.brokerscope.settings.JsonFileStore;
import org.brokerscope.ui.AppView;
import org.brokerscope.ui.FxPump;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;
import org.brokerscope.ui.StartupTimer;
import org.brokerscope.ui.placeholder.PlaceholderView;
import org.brokerscope.ui.placeholder.PlaceholderViewModel;
import org.brokerscope.ui.shell.ShellView;
import org.brokerscope.ui.shell.ShellViewModel;
import org.brokerscope.ui.topics.SubscriptionsViewModel;
import org.brokerscope.ui.topics.TopicsScreen;

/** The JavaFX application: wires the services and the views, and owns the window. */
public final class BrokerscopeApp extends Application {
    private static final System.Logger LOG = System.getLogger(BrokerscopeApp.class.getName());

    private JsonFileStore<AppSettings> settingsStore;
    private AppSettings settings;
    private AppServices services;
    private FxPump pump;
    private ExecutorService background;
    private Stage stage;
    private SubscriptionsViewModel subscriptions;
    private final StartupTimer startupTimer = new StartupTimer(ManagementFactory.getRuntimeMXBean().getStartTime());

    @Override
    public void init() throws IOException {
        settingsStore = new JsonFileStore<>(ConfigDirectory.resolve().resolve("settings.json"), AppSettings.class,
                AppSettings::defaults, java.time.Clock.systemUTC());
        JsonFileStore.Loaded<AppSettings> loaded = settingsStore.load();
        settings = loaded.value();
        services = new AppServices(settings);
        loaded.corruptFileBackup().ifPresent(backup -> {
            LOG.log(System.Logger.Level.WARNING, "Settings file unreadable ({0}); kept as {1}",
                    loaded.problem().orElse("?"), backup);
            services.notice(new Notice(Notice.Kind.SETTINGS_BACKED_UP, List.of(backup.getFileName().toString())));
        });
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        background = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("brokerscope-startup").daemon(true).factory());
        pump = new FxPump(services);
        subscriptions = new SubscriptionsViewModel(services::monitor);
        showShell();
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        var icon = BrokerscopeApp.class.getResourceAsStream("/icons/brokerscope-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.show();
        stage.requestFocus();
        startupTimer.windowShown();
        // HiveMQ installs its own JVM-wide handler when it starts; put ours back once it has.
        services.start(background).whenComplete((ok, error) -> Thread.setDefaultUncaughtExceptionHandler(
                (thread, e) -> LOG.log(System.Logger.Level.ERROR, "Uncaught exception in " + thread.getName(), e)));
        pump.start();
    }

    /** Builds the window's content in the chosen language; called again when the language changes. */
    private void showShell() {
        I18n i18n = I18n.forLanguage(settings.language());
        ShellViewModel shellModel = new ShellViewModel(i18n, this::changeLanguage);
        TopicsScreen topics = TopicsScreen.create(services, i18n, background, subscriptions,
                topic -> shellModel.selectedViewProperty().set(AppView.PUBLISH));
        ShellView shell = new ShellView(shellModel, i18n, settings.language(),
                view -> view == AppView.TOPICS ? topics.view()
                        : FxmlViews.load(new PlaceholderView(PlaceholderViewModel.forView(view, i18n)), i18n),
                this::quit, () -> showAbout(i18n));
        Parent root = FxmlViews.load(shell, i18n);
        root.getStylesheets().add(0, BrokerscopeApp.class.getResource("ui/brokerscope.css").toExternalForm());
        AppView current = stage.getScene() == null ? AppView.TOPICS : (AppView) stage.getScene().getUserData();
        shellModel.selectedViewProperty().set(current);
        pump.setListeners(List.of(shellModel::onFrame, topics::onFrame, startupTimer::onFrame));
        // A rebuilt shell has empty views: have the model send every topic again, not just the next changes.
        services.ingest().resendAll();
        if (stage.getScene() == null) {
            stage.setScene(new Scene(root, 1100, 700));
        } else {
            stage.getScene().setRoot(root);
        }
        stage.getScene().setUserData(current);
        shellModel.selectedViewProperty().addListener((obs, old, now) -> stage.getScene().setUserData(now));
        stage.setTitle(i18n.text("app.title"));
    }

    private void changeLanguage(String language) {
        settings = settings.withLanguage(language);
        try {
            settingsStore.save(settings);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save settings to {0}: {1}", settingsStore.file(), e.getMessage());
        }
        // Rebuild after the menu has closed, so the menu that fired this is not replaced under itself.
        Platform.runLater(this::showShell);
    }

    private void showAbout(I18n i18n) {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(stage);
        about.setTitle(i18n.text("about.title"));
        about.setHeaderText(i18n.text("about.header", Version.current()));
        about.setContentText(i18n.text("about.text", System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version")));
        about.showAndWait();
    }

    private void quit() {
        stage.close();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (pump != null) {
            pump.stop();
        }
        services.close();
        if (background != null) {
            background.shutdownNow();
        }
    }
}
