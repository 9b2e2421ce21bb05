package org.brokerscope.ui.shell;

import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.brokerscope.AppStatus;
import org.brokerscope.domain.RateMeter;
import org.brokerscope.ingest.IngestStats;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.ui.AppView;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;

/** The shell's state: which view is shown, and what the status bar says. */
public final class ShellViewModel {
    /** How the connection label is styled; one CSS pseudo-class per value. */
    public enum Health { STARTING, CONNECTED, RECONNECTING, FAILED }

    private static final long STATUS_REFRESH_NANOS = 250_000_000L;
    // Under a second is normal delivery; from two the picture is visibly late.
    private static final long SHOWN_LAG_MS = 1_000;
    private static final long LOSING_LAG_MS = 2_000;

    private final I18n i18n;
    private final Consumer<String> languageChanger;
    private final ObjectProperty<AppView> selectedView = new SimpleObjectProperty<>(AppView.TOPICS);
    private final ReadOnlyStringWrapper broker = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(Health.STARTING);
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper backlog = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Boolean> losing = new ReadOnlyObjectWrapper<>(false);
    private final ReadOnlyStringWrapper topics = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reconnect = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper reconnectOffered = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final RateMeter rateMeter = RateMeter.fiveSeconds();
    private ConnectionControls controls;
    private long lastRefresh;
    private boolean refreshedOnce;

    /** @param languageChanger saves a language choice and rebuilds the window in it */
    public ShellViewModel(I18n i18n, Consumer<String> languageChanger) {
        this.i18n = i18n;
        this.languageChanger = languageChanger;
        connection.set(i18n.text("status.starting"));
        broker.set(i18n.text("status.broker.starting"));
        rate.set(i18n.text("status.rate", 0));
        backlog.set(i18n.text("status.backlog", 0, 0));
        topics.set(i18n.text("status.topics", 0));
    }

    public ObjectProperty<AppView> selectedViewProperty() {
        return selectedView;
    }

    public void chooseLanguage(String language) {
        languageChanger.accept(language);
    }

    /** Connects the status bar's countdown and "Reconnect now", and File › Connect…, to the app. */
    public void setConnectionControls(ConnectionControls connectionControls) {
        this.controls = connectionControls;
    }

    public void reconnectNow() {
        if (controls != null) {
            controls.reconnectNow();
        }
    }

    public void openConnectDialog() {
        if (controls != null) {
            controls.openConnectDialog();
        }
    }

    public ReadOnlyStringProperty reconnectProperty() {
        return reconnect.getReadOnlyProperty();
    }

    /** Whether "Reconnect now" makes sense: the connection is down, waiting or given up. */
    public javafx.beans.property.ReadOnlyBooleanProperty reconnectOfferedProperty() {
        return reconnectOffered.getReadOnlyProperty();
    }

    /** Called once per frame; refreshes the status texts four times a second so they stay readable. */
    public void onFrame(Frame frame) {
        if (refreshedOnce && frame.nowNanos() - lastRefresh < STATUS_REFRESH_NANOS) {
            return;
        }
        refreshedOnce = true;
        lastRefresh = frame.nowNanos();
        IngestStats stats = frame.stats();
        rate.set(i18n.text("status.rate", Math.round(rateMeter.sample(frame.nowNanos(), stats.applied()))));
        backlog.set(backlogText(stats));
        losing.set(stats.dropped() > 0 || stats.failed() > 0 || stats.skipped() > 0 || stats.brokerDropped() > 0
                || stats.lagMillis() >= LOSING_LAG_MS);
        topics.set(i18n.text("status.topics", stats.topicCount()));
        showStatus(frame.status(), frame.connection());
        showReconnect(frame.connection());
    }

    private String backlogText(IngestStats stats) {
        StringBuilder text = new StringBuilder(stats.failed() == 0 ? i18n.text("status.backlog", stats.dropped(), stats.queued())
                : i18n.text("status.backlogAndFailed", stats.dropped(), stats.queued(), stats.failed()));
        if (stats.lagMillis() >= SHOWN_LAG_MS) {
            text.append(" · ").append(i18n.text("status.lag", stats.lagMillis() / 1_000));
        }
        if (stats.skipped() > 0) {
            text.append(" · ").append(i18n.text("status.skipped", stats.skipped()));
        }
        if (stats.brokerDropped() > 0) {
            text.append(" · ").append(i18n.text("status.brokerDropped", stats.brokerDropped()));
        }
        return text.toString();
    }

    private void showReconnect(ConnectionState state) {
        boolean down = state == ConnectionState.RECONNECTING || state == ConnectionState.FAILED
                || state == ConnectionState.DISCONNECTED;
        reconnectOffered.set(controls != null && down);
        java.util.Optional<java.time.Instant> next = controls == null ? java.util.Optional.empty() : controls.nextReconnectAttempt();
        String countdown = next.map(at -> i18n.text("shell.reconnect.in",
                Math.max(0, (java.time.Duration.between(java.time.Instant.now(), at).toMillis() + 999) / 1000))).orElse("");
        // Why it is down comes first: "client ID taken over" must be read, not just a red "failed".
        String why = controls == null || !down ? "" : controls.problem().orElse("");
        reconnect.set(why.isEmpty() ? countdown : countdown.isEmpty() ? why : why + " · " + countdown);
    }

    private void showStatus(AppStatus status, ConnectionState state) {
        broker.set(status.brokerUrl().map(url -> i18n.text("status.broker", url))
                .orElse(i18n.text("status.broker.starting")));
        notice.set(status.notice().map(this::noticeText).orElse(""));
        if (status.phase() == AppStatus.Phase.FAILED) {
            health.set(Health.FAILED);
            connection.set(i18n.text("status.failed", status.error().orElse("?")));
            return;
        }
        health.set(switch (state) {
            case CONNECTED -> Health.CONNECTED;
            case RECONNECTING, DISCONNECTED -> status.phase() == AppStatus.Phase.RUNNING ? Health.RECONNECTING : Health.STARTING;
            case FAILED, CLOSED -> Health.FAILED;
            case CONNECTING -> Health.STARTING;
        });
        connection.set(switch (status.phase()) {
            case IDLE, STARTING_BROKER -> i18n.text("status.starting");
            case CONNECTING, RUNNING, STOPPING, STOPPED, FAILED -> i18n.text("connection." + state.name().toLowerCase());
        });
    }

    private String noticeText(AppStatus.Notice n) {
        return switch (n.kind()) {
            case PORT_TAKEN -> i18n.text("notice.portTaken", n.arguments().toArray());
            case SETTINGS_BACKED_UP -> i18n.text("notice.settingsBackedUp", n.arguments().toArray());
            case FILE_UNREADABLE -> i18n.text("notice.fileUnreadable", n.arguments().toArray());
        };
    }

    public ReadOnlyStringProperty brokerProperty() {
        return broker.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backlogProperty() {
        return backlog.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Boolean> losingProperty() {
        return losing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty topicsProperty() {
        return topics.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
