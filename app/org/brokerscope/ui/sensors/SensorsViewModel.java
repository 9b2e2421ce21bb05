package org.brokerscope.ui.sensors;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.sim.PayloadFormat;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.SensorSpec;
import org.brokerscope.sim.VirtualSensor;
import org.brokerscope.sim.SensorStatus;
import org.brokerscope.sim.scenario.Scenario;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;

/**
 * The Sensors view's state and commands. It reads the fleet's status a few times a second on the FX
 * pump (never per message); commands go to the fleet, whose work is asynchronous, and file work runs on
 * the background executor, its outcome picked up on the next frame.
 */
public final class SensorsViewModel {
    static final long REFRESH_NANOS = 250_000_000;
    public static final List<Double> SPEEDS = List.of(1.0, 60.0, 480.0, 1_440.0);
    private static final DateTimeFormatter SIM_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm").withZone(ZoneOffset.UTC);

    private final I18n i18n;
    private final Supplier<Optional<SensorFleet>> fleet;
    private final Executor background;
    private final ObservableList<SensorRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> rooms = FXCollections.observableArrayList();
    private final Map<String, SensorRow> byId = new HashMap<>();
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(1);
    private final AtomicReference<String> pendingMessage = new AtomicReference<>();
    private final SensorEditing editing;
    private final SensorWeather weather;
    private final ReadOnlyStringWrapper weatherText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper weatherRunning = new ReadOnlyBooleanWrapper();
    private long lastRefresh = Long.MIN_VALUE;

    public SensorsViewModel(I18n i18n, Supplier<Optional<SensorFleet>> fleet, Executor background) {
        this.i18n = i18n;
        this.fleet = fleet;
        this.background = background;
        this.editing = new SensorEditing(i18n);
        this.weather = new SensorWeather(i18n);
    }

    public ObservableList<SensorRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObservableList<String> rooms() {
        return FXCollections.unmodifiableObservableList(rooms);
    }

    public ReadOnlyStringProperty timeTextProperty() {
        return timeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The last outcome worth telling: an error, or what a load or save did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** False until the embedded broker runs and the fleet exists. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** The time acceleration in force: 1 is real time. */
    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** The weather bridge's last reading or problem. */
    public ReadOnlyStringProperty weatherTextProperty() {
        return weatherText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty weatherRunningProperty() {
        return weatherRunning.getReadOnlyProperty();
    }

    /** Starts the weather bridge for {@code city}, or stops it if it runs. */
    public void toggleWeather(String city, String key, String url) {
        if (weather.isRunning()) {
            weather.stop();
        } else {
            fleet.get().ifPresent(f -> weather.start(f, city, key, url).ifPresent(message::set));
        }
        weatherRunning.set(weather.isRunning());
        weatherText.set(weather.describe());
    }

    public void onFrame(Frame frame) {
        String pending = pendingMessage.getAndSet(null);
        if (pending != null) {
            message.set(pending);
        }
        if (lastRefresh != Long.MIN_VALUE && frame.nowNanos() - lastRefresh < REFRESH_NANOS) {
            return;
        }
        lastRefresh = frame.nowNanos();
        fleet.get().ifPresentOrElse(this::refresh, () -> available.set(false));
    }

    private void refresh(SensorFleet f) {
        available.set(true);
        List<SensorStatus> statuses = f.statuses();
        if (statuses.size() != rows.size() || !sameIds(statuses)) {
            rebuild(statuses);
        }
        long running = 0;
        long messages = 0;
        for (SensorStatus s : statuses) {
            byId.get(s.id()).update(s, editing.valueText(s), i18n.text("sensors.state." + s.state().name().toLowerCase(Locale.ROOT)));
            running += byId.get(s.id()).activeProperty().get() ? 1 : 0;
            messages += s.published();
        }
        paused.set(f.isPaused());
        weatherText.set(weather.describe());
        summary.set(i18n.text("sensors.summary", statuses.size(), running, messages));
        double acceleration = f.clock().acceleration();
        speed.set(acceleration);
        timeText.set(acceleration == 1 ? i18n.text("sensors.time.real", SIM_TIME.withLocale(i18n.locale()).format(f.clock().now()))
                : i18n.text("sensors.time.accelerated", SIM_TIME.withLocale(i18n.locale()).format(f.clock().now()),
                        Math.round(acceleration), editing.dayLasts(acceleration)));
    }

    private boolean sameIds(List<SensorStatus> statuses) {
        for (int i = 0; i < statuses.size(); i++) {
            if (!statuses.get(i).id().equals(rows.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    private void rebuild(List<SensorStatus> statuses) {
        Map<String, SensorRow> old = new HashMap<>(byId);
        byId.clear();
        List<SensorRow> fresh = statuses.stream().map(s -> {
            SensorRow row = old.getOrDefault(s.id(), new SensorRow(s.id(), s.room(), editing.measureText(s.measure()), s.topic()));
            byId.put(s.id(), row);
            return row;
        }).toList();
        rows.setAll(fresh);
        rooms.setAll(fresh.stream().map(SensorRow::room).distinct().toList());
    }

    public void startAll() {
        run(SensorFleet::startAll);
    }

    public void stopAll() {
        run(SensorFleet::stopAll);
    }

    public void start(SensorRow row) {
        run(f -> f.start(row.id()));
    }

    public void stop(SensorRow row) {
        run(f -> f.stop(row.id()));
    }

    public void startRoom(String room) {
        run(f -> f.startRoom(room));
    }

    public void stopRoom(String room) {
        run(f -> f.stopRoom(room));
    }

    /** Pauses simulated time and every reading, or resumes them. */
    public void togglePause() {
        fleet.get().ifPresent(f -> {
            if (f.isPaused()) {
                f.resumeAll();
            } else {
                f.pauseAll();
            }
            paused.set(f.isPaused());
        weatherText.set(weather.describe());
        });
    }

    public void setSpeed(double speed) {
        fleet.get().ifPresent(f -> f.clock().setAcceleration(speed));
    }

    /** Adds one sensor of {@code measureKey} in {@code room} and starts it. */
    public void addSensor(String room, String measureKey) {
        fleet.get().ifPresent(f -> editing.addSensor(f, room, measureKey).handle(
                id -> run(x -> x.start(id)), message::set));
    }

    /** Adds a room with the house's four measures and starts it. */
    public void addRoom(String room) {
        fleet.get().ifPresent(f -> editing.addRoom(f, room).handle(
                name -> run(x -> x.startRoom(name)), message::set));
    }

    /** The settings of the sensor in {@code row}, to fill the editor. */
    public Optional<SensorSpec> specOf(SensorRow row) {
        return fleet.get().flatMap(f -> f.find(row.id())).map(VirtualSensor::spec);
    }

    /** Applies edited settings to one sensor; it restarts with them if it was running. */
    void applySettings(SensorRow row, String intervalMs, PayloadFormat format, int qos, boolean retain,
                       SensorEditing.FaultChoice faults) {
        specOf(row).ifPresent(current -> editing.edit(current, intervalMs, format, qos, retain, faults).handle(spec -> {
            run(f -> f.replace(row.id(), spec));
            message.set(i18n.text("sensors.applied", row.id()));
        }, message::set));
    }

    /** Replaces the running sensors with a built-in scenario. */
    public void loadBuiltIn(String name, int count) {
        editing.builtIn(name, count).handle(this::load, message::set);
    }

    public void loadFile(Path file) {
        CompletableFuture.supplyAsync(() -> editing.readFile(file), background)
                .thenAccept(result -> result.handle(this::load, pendingMessage::set));
    }

    public void saveFile(Path file) {
        fleet.get().ifPresent(f -> {
            Scenario current = editing.current(f);
            CompletableFuture.runAsync(() -> pendingMessage.set(editing.write(current, file)), background);
        });
    }

    private void load(Scenario scenario) {
        fleet.get().ifPresent(f -> {
            f.resumeAll();
            f.replaceWith(scenario.sensors(), scenario.acceleration());
            pendingMessage.set(i18n.text("sensors.loaded", scenario.name(), scenario.sensors().size()));
        });
    }

    private void run(Function<SensorFleet, CompletableFuture<Void>> command) {
        fleet.get().ifPresent(f -> command.apply(f).exceptionally(error -> {
            pendingMessage.set(String.valueOf(error.getMessage()));
            return null;
        }));
    }
}
