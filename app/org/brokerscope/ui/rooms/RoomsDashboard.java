package org.brokerscope.ui.rooms;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.Parent;
import org.brokerscope.AppServices;
import org.brokerscope.AppStatus.Notice;
import org.brokerscope.domain.rooms.RoomsModel;
import org.brokerscope.ingest.rooms.RoomsFeed;
import org.brokerscope.settings.JsonFileStore;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;
import org.brokerscope.ui.PresenterTheme;

/**
 * The Rooms dashboard's parts that outlive one window: the rooms feed on the ingest path, its
 * scheduler and its settings file. {@code BrokerscopeApp} makes one at start and closes it at exit;
 * each (re)built shell gets a fresh view model from it.
 */
public final class RoomsDashboard implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RoomsDashboard.class.getName());
    private final ScheduledExecutorService scheduler;
    private final RoomsFeed feed;
    private final JsonFileStore<RoomsSettings> store;
    private RoomsSettings settings;
    // What the status bar must say about rooms.json: moved aside as corrupt, or left alone as unreadable.
    private Optional<Notice> notice = Optional.empty();
    private PresenterTheme theme = new PresenterTheme();
    private GroupMembership group;

    RoomsDashboard(RoomsFeed feed, ScheduledExecutorService scheduler, JsonFileStore<RoomsSettings> store) {
        this.feed = feed;
        this.scheduler = scheduler;
        this.store = store;
        RoomsSettings loaded;
        try {
            JsonFileStore.Loaded<RoomsSettings> l = store.load();
            l.corruptFileBackup().ifPresent(b -> LOG.log(System.Logger.Level.WARNING, "rooms.json unreadable, kept as {0}", b));
            notice = l.corruptFileBackup().map(b -> new Notice(Notice.Kind.SETTINGS_BACKED_UP, List.of(b.getFileName().toString())));
            if (l.unreadable()) {
                LOG.log(System.Logger.Level.WARNING, "Cannot read {0} ({1}); not saving over it", store.file(), l.problem().get());
                notice = Optional.of(new Notice(Notice.Kind.FILE_UNREADABLE,
                        List.of(store.file().getFileName().toString(), l.problem().get())));
            }
            loaded = l.value();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read {0}: {1}", store.file(), e.getMessage());
            loaded = RoomsSettings.defaults();
        }
        this.settings = loaded;
    }

    /** Creates the feed, hooks it on the ingest path and starts refreshing it. */
    public static RoomsDashboard start(AppServices services, Path configFolder, PresenterTheme theme) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("brokerscope-rooms").daemon(true).factory());
        RoomsFeed feed = new RoomsFeed(new RoomsModel(RoomsModel.Options.defaults()), scheduler, Clock.systemUTC(),
                services::monitor);
        services.ingest().observe(feed).onBrokerSwitch(feed::brokerSwitched);
        JsonFileStore<RoomsSettings> store = new JsonFileStore<>(configFolder.resolve("rooms.json"), RoomsSettings.class,
                RoomsSettings::defaults, Clock.systemUTC());
        RoomsDashboard dashboard = new RoomsDashboard(feed, scheduler, store);
        dashboard.theme = theme;
        dashboard.group = new GroupMembership(scheduler, services::monitor);
        RoomsViewModel.applyToFeed(dashboard.settings, feed);
        // The user is told, as for settings.json: a logged warning alone is a silent loss of their layout.
        dashboard.notice.ifPresent(services::notice);
        dashboard.applyGroup(dashboard.settings);
        feed.start();
        return dashboard;
    }

    /** A view model for one shell, in its language. */
    public RoomsViewModel newModel(I18n i18n) {
        return new RoomsViewModel(feed, i18n, settings, this::save, scheduler, theme, group);
    }

    public Parent view(RoomsViewModel model, I18n i18n) {
        return FxmlViews.load(new RoomsView(model, i18n), i18n);
    }

    public RoomsFeed feed() {
        return feed;
    }

    // Called on the FX thread; the file is written on the rooms scheduler, never on the FX thread.
    private void save(RoomsSettings changed) {
        settings = changed;
        applyGroup(changed);
        scheduler.execute(() -> {
            try {
                store.save(changed);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot save {0}: {1}", store.file(), e.getMessage());
            }
        });
    }

    private void applyGroup(RoomsSettings s) {
        if (group != null) {
            group.apply(s, RoomsViewModel.mapper(s), RoomsViewModel.alertRules(s));
        }
    }

    @Override
    public void close() {
        if (group != null) {
            group.close();
        }
        feed.close();
        scheduler.shutdown();
    }
}
