package org.brokerscope.ui.topics;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.domain.Topics;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.Subscription;
import org.brokerscope.ui.Frame;

/**
 * The monitor connection's subscriptions: the app's {@code #} (see {@link #watching}), {@code $SYS/#} (made once connected, so
 * broker statistics appear under their own root) and what the user adds, with QoS and MQTT 5 options.
 * Lives as long as the app, not the window, so a language switch keeps the list. It follows the monitor:
 * after a switch to another broker it lists what that connection subscribed to.
 */
public final class SubscriptionsViewModel {
    /** Where a subscription stands; the view words each in the user's language. */
    public enum Status { PENDING, ACTIVE, FAILED, OPTIONS_IGNORED }

    /** One subscription and its state; {@code detail} is the broker's or library's reason on failure. */
    public record Row(Subscription subscription, Status status, String detail) {
    }

    private final Supplier<Optional<BrokerConnection>> monitor;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    // One read-only view, kept: a listener on a wrapper made per call is lost when the wrapper is collected.
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Topics.Problem> filterProblem = new ReadOnlyObjectWrapper<>();
    private boolean systemSubscribed;
    // The connection the rows belong to; another one means the user switched broker.
    private BrokerConnection listed;

    /** @param monitor the app's own connection, which may be replaced by another at any time */
    public SubscriptionsViewModel(Supplier<Optional<BrokerConnection>> monitor) {
        this.monitor = monitor;
        monitor.get().ifPresent(this::listFor);
    }

    /** How the app watches: retain-as-published, so retained messages published later are known as such. */
    public static Subscription watching(String filter) {
        return new Subscription(filter, 0, false, true, 0);
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    /** Why the last add was refused (an invalid filter), for the view to word; null when fine. */
    public ReadOnlyObjectProperty<Topics.Problem> filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    /** The last failure reported by the connection. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Once the monitor is connected, subscribes to {@code $SYS/#}, which {@code #} does not match. */
    public void onFrame(Frame frame) {
        Optional<BrokerConnection> current = monitor.get();
        if (current.isPresent() && current.get() != listed) {
            listFor(current.get());
        } else if (current.isPresent()) {
            addMissing(current.get()); // e.g. the app's # made just after the connection appeared
        }
        if (!systemSubscribed && frame.connection() == ConnectionState.CONNECTED && monitor.get().isPresent()) {
            systemSubscribed = true;
            add(watching("$SYS/#"));
        }
    }

    /** Subscribes; returns false without asking the broker when the filter is invalid. */
    public boolean add(Subscription subscription) {
        Optional<Topics.Problem> invalid = Topics.checkFilter(subscription.filter());
        filterProblem.set(invalid.orElse(null));
        Optional<BrokerConnection> connection = monitor.get();
        if (invalid.isPresent() || connection.isEmpty()) {
            return false;
        }
        rows.removeIf(r -> r.subscription().filter().equals(subscription.filter()));
        Row pending = new Row(subscription, Status.PENDING, "");
        rows.add(pending);
        boolean ignored = subscription.hasV5Options() && !connection.get().supportsSubscriptionOptions();
        connection.get().subscribe(subscription).whenComplete((ok, error) -> Platform.runLater(() -> replace(pending,
                new Row(subscription, error != null ? Status.FAILED : ignored ? Status.OPTIONS_IGNORED : Status.ACTIVE,
                        error == null ? "" : String.valueOf(error.getMessage())))));
        return true;
    }

    public void remove(Row row) {
        monitor.get().ifPresent(c -> c.unsubscribe(row.subscription().filter()).whenComplete((ok, error) ->
                Platform.runLater(() -> {
                    if (error == null) {
                        rows.remove(row);
                    } else {
                        problem.set(String.valueOf(error.getMessage()));
                    }
                })));
    }

    // What the connection was asked to subscribe to, all granted as far as the library tells (Paho reports
    // a refused SUBACK as success).
    private void listFor(BrokerConnection connection) {
        listed = connection;
        rows.clear();
        systemSubscribed = false;
        problem.set("");
        addMissing(connection);
    }

    private void addMissing(BrokerConnection connection) {
        // The lag probe's own subscription is the app's business, not one the user made or could end.
        List<Subscription> made = connection.subscriptions().stream()
                .filter(s -> !org.brokerscope.domain.Topics.isLagProbe(s.filter())).toList();
        if (made.size() == rows.size()) {
            return; // the usual frame: nothing new
        }
        boolean ignored = !connection.supportsSubscriptionOptions();
        for (Subscription s : made) {
            if (rows.stream().noneMatch(r -> r.subscription().filter().equals(s.filter()))) {
                rows.add(new Row(s, ignored && s.hasV5Options() ? Status.OPTIONS_IGNORED : Status.ACTIVE, ""));
            }
        }
        systemSubscribed |= rows.stream().anyMatch(r -> r.subscription().filter().equals("$SYS/#"));
    }

    private void replace(Row old, Row now) {
        int at = rows.indexOf(old);
        if (at >= 0) {
            rows.set(at, now);
        }
    }
}
