package org.brokerscope.ui.rooms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.domain.rooms.AlertEvent;
import org.brokerscope.domain.rooms.AlertLogCsv;
import org.brokerscope.domain.rooms.AlertRules;
import org.brokerscope.domain.rooms.MappingRule;
import org.brokerscope.domain.rooms.RoomSnapshots;
import org.brokerscope.domain.rooms.TopicMapper;
import org.brokerscope.ingest.rooms.RoomsFeed;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;
import org.brokerscope.ui.PresenterTheme;

/**
 * The Rooms dashboard's state and commands. Fed once per frame by the FX pump, it takes the rooms
 * feed's latest snapshot at most every {@link #POLL_MILLIS}, so cards change a few times a second at most.
 */
public final class RoomsViewModel {
    public enum Sort { CUSTOM, NAME, ALERTS }

    static final long POLL_MILLIS = 250;
    private static final int LOG_SIZE = 1_000;

    private final RoomsFeed feed;
    private final I18n i18n;
    private final Consumer<RoomsSettings> saver;
    private final Executor io;
    private RoomsSettings settings;
    private final ReadOnlyObjectWrapper<RoomSnapshots.Rooms> snapshot = new ReadOnlyObjectWrapper<>(RoomSnapshots.Rooms.EMPTY);
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>();
    private final ObjectProperty<ChartWindow> chartWindow = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper arrangement = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<AlertEvent> alertLog = FXCollections.observableArrayList();
    // One wrapper, kept: a fresh unmodifiable view per call holds its listeners weakly and loses them.
    private final ObservableList<AlertEvent> alertLogView = FXCollections.unmodifiableObservableList(alertLog);
    private final PresenterTheme theme;
    private final GroupMembership group; // null in tests without a dashboard
    private long lastPollNanos;
    private boolean polled;
    private long lastSeq;

    RoomsViewModel(RoomsFeed feed, I18n i18n, RoomsSettings settings, Consumer<RoomsSettings> saver, Executor io) {
        this(feed, i18n, settings, saver, io, new PresenterTheme());
    }

    RoomsViewModel(RoomsFeed feed, I18n i18n, RoomsSettings settings, Consumer<RoomsSettings> saver, Executor io,
                   PresenterTheme theme) {
        this(feed, i18n, settings, saver, io, theme, null);
    }

    RoomsViewModel(RoomsFeed feed, I18n i18n, RoomsSettings settings, Consumer<RoomsSettings> saver, Executor io,
                   PresenterTheme theme, GroupMembership group) {
        this.theme = theme;
        this.group = group;
        this.feed = feed;
        this.i18n = i18n;
        this.settings = settings;
        this.saver = saver;
        this.io = io;
        sort.set(parseSort(settings.sort()));
        chartWindow.set(ChartWindow.parse(settings.chartWindow()));
        sort.addListener((obs, old, now) -> change(settings.withArrangement(now.name(), settings.order(), settings.hidden())));
        chartWindow.addListener((obs, old, now) -> change(settings.withChartWindow(now.name())));
        // The feed may have logged alerts before this model existed (a rebuilt shell): show them all.
        takeNewAlerts(feed.snapshot());
    }

    /** Sets the feed's rules and publishing from saved settings; a bad saved rule is skipped and logged. */
    static void applyToFeed(RoomsSettings s, RoomsFeed feed) {
        feed.configure(mapper(s), alertRules(s));
        // As a group member, the GroupAggregator publishes the aggregates of its share: not this feed too.
        feed.setPublishing(new RoomsFeed.Publishing(s.publishAggregates() && !s.aggregateAsGroup(),
                Duration.ofSeconds(s.aggregatePeriodSeconds()), s.alertTopic()));
    }

    static TopicMapper mapper(RoomsSettings s) {
        List<MappingRule> rules = new ArrayList<>();
        for (String line : s.mappingRules()) {
            try {
                rules.add(MappingRule.parseLine(line));
            } catch (IllegalArgumentException e) {
                System.getLogger(RoomsViewModel.class.getName()).log(System.Logger.Level.WARNING, "Skipped mapping rule: {0}", e.getMessage());
            }
        }
        return new TopicMapper(rules);
    }

    static AlertRules alertRules(RoomsSettings s) {
        try {
            return AlertRules.parse(s.alertRules());
        } catch (IllegalArgumentException e) {
            return AlertRules.defaults();
        }
    }

    public void onFrame(Frame frame) {
        if (polled && frame.nowNanos() - lastPollNanos < POLL_MILLIS * 1_000_000) {
            return;
        }
        polled = true;
        lastPollNanos = frame.nowNanos();
        RoomSnapshots.Rooms s = feed.snapshot();
        if (s == snapshot.get()) {
            return;
        }
        takeNewAlerts(s);
        snapshot.set(s);
        status.set(statusText(s));
    }

    public ReadOnlyObjectProperty<RoomSnapshots.Rooms> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ObjectProperty<Sort> sortProperty() {
        return sort;
    }

    public ObjectProperty<ChartWindow> chartWindowProperty() {
        return chartWindow;
    }

    /** Changes whenever cards are hidden, shown or moved, so the view lays them out again. */
    public ReadOnlyIntegerProperty arrangementProperty() {
        return arrangement.getReadOnlyProperty();
    }

    /** The app's presenter theme (shared with the Graph's presenter mode): the dashboard follows it. */
    public BooleanProperty presenterThemeProperty() {
        return theme.onProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Every alert fired or cleared since start, oldest first (the last {@value #LOG_SIZE}). */
    public ObservableList<AlertEvent> alertLog() {
        return alertLogView;
    }

    public RoomsSettings settings() {
        return settings;
    }

    /** The rooms to show, in display order, hidden ones left out. */
    public List<RoomSnapshots.Room> visibleRooms() {
        List<RoomSnapshots.Room> rooms = new ArrayList<>(snapshot.get().rooms());
        rooms.removeIf(r -> settings.hidden().contains(r.key()));
        Comparator<RoomSnapshots.Room> byName = Comparator.comparing(RoomSnapshots.Room::key);
        rooms.sort(switch (sort.get()) {
            case NAME -> byName;
            case ALERTS -> Comparator.comparing((RoomSnapshots.Room r) -> !r.alarm())
                    .thenComparing(r -> r.staleCount() == 0).thenComparing(byName);
            case CUSTOM -> Comparator.comparing((RoomSnapshots.Room r) -> orderIndex(r.key())).thenComparing(byName);
        });
        return rooms;
    }

    public int hiddenCount() {
        return (int) snapshot.get().rooms().stream().filter(r -> settings.hidden().contains(r.key())).count();
    }

    public void hide(String roomKey) {
        List<String> hidden = new ArrayList<>(settings.hidden());
        hidden.add(roomKey);
        change(settings.withArrangement(settings.sort(), settings.order(), hidden));
    }

    public void showAll() {
        change(settings.withArrangement(settings.sort(), settings.order(), List.of()));
    }

    /** Moves a card one place earlier ({@code -1}) or later ({@code +1}) and switches to the custom order. */
    public void move(String roomKey, int delta) {
        List<String> keys = new ArrayList<>(visibleRooms().stream().map(RoomSnapshots.Room::key).toList());
        int from = keys.indexOf(roomKey);
        int to = from + delta;
        if (from < 0 || to < 0 || to >= keys.size()) {
            return;
        }
        keys.add(to, keys.remove(from));
        settings.order().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        change(settings.withArrangement(Sort.CUSTOM.name(), keys, settings.hidden()));
        sort.set(Sort.CUSTOM);
    }

    public void setPublishing(boolean aggregates, int periodSeconds, String alertTopic) {
        change(settings.withPublishing(aggregates, periodSeconds, alertTopic));
        applyToFeed(settings, feed);
    }

    /** Aggregate as a member of the {@code $share/brokerscope} group instead of alone. */
    public void setGroupMember(boolean asGroupMember) {
        change(settings.withGroup(asGroupMember));
        applyToFeed(settings, feed);
    }

    public String mappingRulesText() {
        return String.join("\n", settings.mappingRules());
    }

    /** Applies the rules editor's text; on a bad line nothing changes and the reason is returned. */
    public Optional<String> applyMappingRules(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String line : lines) {
            try {
                MappingRule.parseLine(line);
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
        change(settings.withRules(lines, settings.alertRules()));
        applyToFeed(settings, feed);
        return Optional.empty();
    }

    public String alertRulesText() {
        return settings.alertRules();
    }

    public Optional<String> applyAlertRules(String text) {
        try {
            AlertRules.parse(text);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        change(settings.withRules(settings.mappingRules(), text));
        applyToFeed(settings, feed);
        return Optional.empty();
    }

    /** Writes the alert log as CSV on the background executor. */
    public CompletableFuture<Void> exportAlerts(Path file) {
        String csv = AlertLogCsv.of(List.copyOf(alertLog), ZoneId.systemDefault());
        return CompletableFuture.runAsync(() -> {
            try {
                Files.writeString(file, csv, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io);
    }

    private void takeNewAlerts(RoomSnapshots.Rooms s) {
        List<AlertEvent> fresh = s.alerts().stream().filter(e -> e.seq() > lastSeq).toList();
        if (fresh.isEmpty()) {
            return;
        }
        lastSeq = fresh.getLast().seq();
        alertLog.addAll(fresh);
        if (alertLog.size() > LOG_SIZE) {
            alertLog.remove(0, alertLog.size() - LOG_SIZE);
        }
    }

    private String statusText(RoomSnapshots.Rooms s) {
        RoomsFeed.PublishStats p = feed.publishStats();
        String text = i18n.text("rooms.status", s.rooms().size(), s.unreadable().size(), p.published(), p.failed());
        if (s.droppedRooms() > 0) {
            text += " · " + i18n.text("rooms.status.droppedRooms", s.droppedRooms());
        }
        if (s.droppedReadings() > 0) {
            text += " · " + i18n.text("rooms.status.droppedReadings", s.droppedReadings());
        }
        text = p.lastError().map(e -> " · " + i18n.text("rooms.status.lastError", e)).map(text::concat).orElse(text);
        if (group != null && !group.error().isEmpty()) {
            text += " · " + i18n.text("rooms.group.failed", group.error());
        } else if (group != null && group.received().isPresent()) {
            text += " · " + i18n.text("rooms.group.status", group.received().get());
        }
        return text;
    }

    private int orderIndex(String key) {
        int i = settings.order().indexOf(key);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private void change(RoomsSettings changed) {
        settings = changed;
        saver.accept(changed);
        arrangement.set(arrangement.get() + 1);
    }

    private static Sort parseSort(String name) {
        try {
            return Sort.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Sort.CUSTOM;
        }
    }
}
