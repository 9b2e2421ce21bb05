package org.brokerscope.ui.graph;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.brokerscope.broker.EmbeddedBroker;
import org.brokerscope.domain.TopicSnapshot;
import org.brokerscope.graph.BrokerFigures;
import org.brokerscope.graph.EmbeddedFigures;
import org.brokerscope.graph.SysStats;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;

/**
 * The broker overview: version, uptime, clients, rates, retained and stored counts, subscriptions. On an
 * external broker from its {@code $SYS} topics (the app's connection subscribes to them), on the
 * embedded broker from its extension. Figures change once a second, which is all tiles should show.
 */
public final class OverviewViewModel {
    /** How long to wait for a first {@code $SYS} topic before saying the broker publishes none. */
    static final long NO_SYS_AFTER_NANOS = 15_000_000_000L;
    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final I18n i18n;
    private final Supplier<Optional<BrokerConnection>> monitor;
    private final SysStats sys = new SysStats();
    private final EmbeddedFigures embeddedFigures = new EmbeddedFigures();
    private final ReadOnlyObjectWrapper<BrokerFigures> figures = new ReadOnlyObjectWrapper<>(BrokerFigures.NONE);
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final long noSysAfterNanos;
    private long subscribedAt;
    private long lastRefresh;

    /** @param monitor the app's own connection, which subscribes to {@code $SYS/#} on an external broker */
    public OverviewViewModel(I18n i18n, Supplier<Optional<BrokerConnection>> monitor) {
        this(i18n, monitor, NO_SYS_AFTER_NANOS);
    }

    OverviewViewModel(I18n i18n, Supplier<Optional<BrokerConnection>> monitor, long noSysAfterNanos) {
        this.i18n = i18n;
        this.monitor = monitor;
        this.noSysAfterNanos = noSysAfterNanos;
        source.set(i18n.text("graph.overview.waiting"));
    }

    /** Once per frame, from the graph's model; {@code embedded} is the app's broker when it watches that one. */
    void onFrame(Frame frame, Optional<EmbeddedBroker> embedded) {
        long now = frame.nowNanos();
        if (embedded.isEmpty()) {
            readSys(frame, now);
        }
        if (now - lastRefresh < REFRESH_NANOS) {
            return;
        }
        lastRefresh = now;
        refresh(embedded, now);
        text.set(describe(figures.get()));
    }

    private void refresh(Optional<EmbeddedBroker> embedded, long now) {
        if (embedded.isPresent()) {
            figures.set(embeddedFigures.sample(embedded.get(), now));
            source.set(i18n.text("graph.overview.fromExtension"));
        } else if (sys.seen()) {
            figures.set(sys.figures());
            source.set(i18n.text("graph.overview.fromSys"));
        } else if (subscribedAt != 0 && now - subscribedAt > noSysAfterNanos) {
            source.set(i18n.text("graph.overview.noSys"));
        }
    }

    private void readSys(Frame frame, long now) {
        if (subscribedAt == 0 && frame.connection() == ConnectionState.CONNECTED) {
            monitor.get().ifPresent(connection -> {
                connection.subscribe(SysStats.FILTER, 0);
                subscribedAt = now;
            });
        }
        for (TopicSnapshot s : frame.changes().values()) {
            if (s.topic().startsWith("$SYS/")) {
                s.lastMessage().ifPresent(m -> sys.accept(m.topic(), m.payload(), m.receivedAtNanos()));
            }
        }
    }

    /** The figures as plain lines, for where tiles cannot be shown. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    private String describe(BrokerFigures f) {
        String none = i18n.text("graph.overview.notReported");
        return String.join("\n",
                i18n.text("graph.overview.version") + ": " + f.version().orElse(none),
                i18n.text("graph.overview.uptime") + ": " + f.uptimeSeconds().map(s -> i18n.text("graph.overview.duration",
                        s / 3600, (s % 3600) / 60, s % 60)).orElse(none),
                i18n.text("graph.overview.clients") + ": " + f.clients().map(String::valueOf).orElse(none),
                i18n.text("graph.overview.messagesIn") + ": " + rate(f.messagesInPerSecond(), "msg/s", none),
                i18n.text("graph.overview.messagesOut") + ": " + rate(f.messagesOutPerSecond(), "msg/s", none),
                i18n.text("graph.overview.bytesIn") + ": " + rate(f.bytesInPerSecond(), "B/s", none),
                i18n.text("graph.overview.bytesOut") + ": " + rate(f.bytesOutPerSecond(), "B/s", none),
                i18n.text("graph.overview.retained") + ": " + f.retained().map(String::valueOf).orElse(none),
                i18n.text("graph.overview.stored") + ": " + f.stored().map(String::valueOf).orElse(none),
                i18n.text("graph.overview.subscriptions") + ": " + f.subscriptions().map(String::valueOf).orElse(none));
    }

    private static String rate(Optional<Double> value, String unit, String none) {
        return value.map(v -> String.format(java.util.Locale.ROOT, "%.1f %s", v, unit)).orElse(none);
    }

    public ReadOnlyObjectProperty<BrokerFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** Where the figures come from, or that the broker publishes none. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }
}
