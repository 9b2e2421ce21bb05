package org.brokerscope;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
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
import org.brokerscope.ui.CrashReporter;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.FxPump;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;
import org.brokerscope.ui.PaintProbe;
import org.brokerscope.ui.StartupTimer;
import org.brokerscope.ui.connect.ConnectDialogs;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.settings.ProfileStore;
import org.brokerscope.ui.PresenterTheme;
import org.brokerscope.ui.graph.GraphFeature;
import org.brokerscope.ui.publish.PublishSession;
import org.brokerscope.ui.publish.PublishViewModel;
import org.brokerscope.ui.publish.PublishViews;
import org.brokerscope.ui.rooms.RoomsDashboard;
import org.brokerscope.ui.rooms.RoomsViewModel;
import org.brokerscope.ui.shell.ShellView;
import org.brokerscope.ui.sensors.SensorsViewModel;
import org.brokerscope.ui.sensors.SensorsViews;
import org.brokerscope.ui.shell.ShellViewModel;
import org.brokerscope.ui.topics.SubscriptionsViewModel;
import org.brokerscope.ui.topics.TopicsScreen;

/** The JavaFX application: wires the services and the views, and owns the window. */
public final class BrokerscopeApp extends Application {
    private static final System.Logger LOG = System.getLogger(BrokerscopeApp.class.getName());

    private JsonFileStore<AppSettings> settingsStore;
    private ProfileStore profileStore;
    private AppSettings settings;
    private AppServices services;
    private FxPump pump;
    private final Optional<PaintProbe> paintProbe = PaintProbe.fromProperty();
    private ExecutorService background;
    private Stage stage;
    private I18n i18n;
    private CrashReporter crashReporter;
    private PublishSession publishSession;
    private RoomsDashboard rooms;
    private final PresenterTheme presenterTheme = new PresenterTheme();
    private SubscriptionsViewModel subscriptions;
    private GraphFeature graphFeature; // kept across language switches: its presenter window may be open
    private final StartupTimer startupTimer = new StartupTimer(ManagementFactory.getRuntimeMXBean().getStartTime());

    @Override
    public void init() throws IOException {
        Logging.configure();
        settingsStore = new JsonFileStore<>(ConfigDirectory.resolve().resolve("settings.json"), AppSettings.class,
                AppSettings::defaults, java.time.Clock.systemUTC());
        JsonFileStore.Loaded<AppSettings> loaded = settingsStore.load();
        settings = loaded.value();
        profileStore = new ProfileStore(ConfigDirectory.resolve().resolve("profiles.json"), java.time.Clock.systemUTC(),
                clientId -> ConnectionProfile.embedded(I18n.forLanguage(settings.language()).text("connect.embedded.name"),
                        services.embeddedEndpoint()
                        .map(e -> e.port()).orElse(Math.max(1, settings.embeddedBrokerPort())), clientId));
        services = new AppServices(settings);
        tellAbout(loaded);
    }

    // Never silent: a corrupt file was moved aside, or an unreadable one is left alone and not saved over.
    private void tellAbout(JsonFileStore.Loaded<AppSettings> loaded) {
        String problem = loaded.problem().orElse("?");
        loaded.corruptFileBackup().ifPresent(backup -> {
            LOG.log(System.Logger.Level.WARNING, "Settings file unreadable ({0}); kept as {1}", problem, backup);
            services.notice(new Notice(Notice.Kind.SETTINGS_BACKED_UP, List.of(backup.getFileName().toString())));
        });
        if (loaded.unreadable()) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read {0} ({1}); using defaults, and not saving over it",
                    settingsStore.file(), problem);
            services.notice(new Notice(Notice.Kind.FILE_UNREADABLE,
                    List.of(settingsStore.file().getFileName().toString(), problem)));
        }
    }

    /** The running services below the window, for tests that drive the whole app (the fault suite). */
    public AppServices services() {
        return services;
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        crashReporter = new CrashReporter(() -> i18n, () -> stage);
        crashReporter.install();
        background = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("brokerscope-startup").daemon(true).factory());
        pump = new FxPump(services);
        rooms = RoomsDashboard.start(services, ConfigDirectory.resolve(), presenterTheme);
        subscriptions = new SubscriptionsViewModel(services::monitor);
        showShell();
        paintProbe.ifPresent(probe -> probe.attach(stage.getScene()));
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
        services.start(background).whenComplete((ok, error) -> crashReporter.install())
                .thenRunAsync(() -> ConnectDialogs.resumeSelectedProfile(() -> stage, i18n,
                        profileStore, services, settings.embeddedBrokerPort()), Platform::runLater);
        pump.start();
    }

    /** Builds the window's content in the chosen language; called again when the language changes. */
    private void showShell() {
        i18n = I18n.forLanguage(settings.language());
        ShellViewModel shellModel = new ShellViewModel(i18n, this::changeLanguage);
        shellModel.setConnectionControls(ConnectDialogs.controls(() -> stage, i18n, profileStore, services,
                settings.embeddedBrokerPort()));
        publishSession = publishSession != null ? publishSession : PublishViews.session(services, background);
        PublishViewModel publishModel = new PublishViewModel(publishSession, i18n);
        TopicsScreen topics = TopicsScreen.create(services, i18n, background, subscriptions, topic -> {
            publishModel.prefill(topic);
            shellModel.selectedViewProperty().set(AppView.PUBLISH);
        });
        SensorsViewModel sensorsModel = SensorsViews.model(services, profileStore, i18n, background);
        RoomsViewModel roomsModel = rooms.newModel(i18n);
        GraphFeature graph = GraphFeature.following(graphFeature, services, i18n, background, topic -> {
            if (topics.model().select(topic)) {
                shellModel.selectedViewProperty().set(AppView.TOPICS);
            }
        });
        presenterTheme.follow(graph.model().presenterProperty()); // F11 in the Graph turns the theme on for Rooms too
        graphFeature = graph;
        ShellView shell = new ShellView(shellModel, i18n, settings.language(),
                view -> switch (view) {
                    case TOPICS -> topics.view();
                    case GRAPH -> graph.view();
                    case ROOMS -> rooms.view(roomsModel, i18n);
                    case SENSORS -> SensorsViews.load(sensorsModel, i18n);
                    case PUBLISH -> PublishViews.load(publishModel, i18n);
                },
                this::quit, () -> showAbout(i18n));
        Parent root = FxmlViews.load(shell, i18n);
        root.getStylesheets().add(0, stylesheet());
        // A scene reused by someone else (TestFX shares one stage between test classes) has no view recorded.
        AppView current = stage.getScene() != null && stage.getScene().getUserData() instanceof AppView shown ? shown : startView();
        shellModel.selectedViewProperty().set(current);
        List<Consumer<Frame>> views = new ArrayList<>(List.of(shellModel::onFrame, topics::onFrame,
                startupTimer::onFrame, publishModel::onFrame, sensorsModel::onFrame, roomsModel::onFrame, graph::onFrame));
        paintProbe.ifPresent(probe -> views.add(probe::onFrame));
        pump.setListeners(views);
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

    // The first view shown; "bench frames --view graph" asks for another one than Topics.
    private static AppView startView() {
        String name = System.getProperty(org.brokerscope.cli.bench.FramesBenchmark.START_VIEW_PROPERTY, "topics");
        for (AppView view : AppView.values()) {
            if (view.id().equals(name)) {
                return view;
            }
        }
        return AppView.TOPICS;
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
        if (rooms != null) {
            rooms.close();
        }
        services.close();
        if (background != null) {
            background.shutdownNow();
        }
    }

    /** The app-wide sheet, whose colours every view's own sheet looks up; test windows that show a view alone add it too. */
    public static String stylesheet() {
        return BrokerscopeApp.class.getResource("ui/brokerscope.css").toExternalForm();
    }
}
