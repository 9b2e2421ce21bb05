package org.brokerscope.ui.sensors;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.settings.ProfileStore;
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
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(1);
    private final AtomicReference<String> pendingMessage = new AtomicReference<>();
    // A scenario read in the background is loaded on the FX thread: it may need to ask for a password.
    private final AtomicReference<Scenario> pendingScenario = new AtomicReference<>();
    private final SensorEditing editing;
    private final SensorWeather weather;
    private final SensorRows table;
    private final SensorBrokers brokers;
    private final ReadOnlyStringWrapper weatherText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper weatherRunning = new ReadOnlyBooleanWrapper();
    private long lastRefresh = Long.MIN_VALUE;
    private String typedWeatherKey = "";

    public SensorsViewModel(I18n i18n, Supplier<Optional<SensorFleet>> fleet, ProfileStore profiles, Executor background) {
        this.i18n = i18n;
        this.fleet = fleet;
        this.background = background;
        this.editing = new SensorEditing(i18n);
        this.weather = new SensorWeather(i18n);
        this.table = new SensorRows(i18n, editing);
        this.brokers = new SensorBrokers(i18n, profiles, fleet, message::set);
    }

    public ObservableList<SensorRow> rows() {
        return FXCollections.unmodifiableObservableList(table.rows());
    }

    public ObservableList<String> rooms() {
        return FXCollections.unmodifiableObservableList(table.rooms());
    }

    /** The saved connection profiles the sensors can publish to, and the fleet's target. */
    public SensorBrokers brokers() {
        return brokers;
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
        Scenario scenario = pendingScenario.getAndSet(null);
        if (scenario != null) {
            load(scenario);
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
        long[] totals = table.update(statuses);
        paused.set(f.isPaused());
        weatherText.set(weather.describe());
        brokers.showTarget(f);
        summary.set(i18n.text("sensors.summary", statuses.size(), totals[0], totals[1]));
        double acceleration = f.clock().acceleration();
        speed.set(acceleration);
        timeText.set(acceleration == 1 ? i18n.text("sensors.time.real", SIM_TIME.withLocale(i18n.locale()).format(f.clock().now()))
                : i18n.text("sensors.time.accelerated", SIM_TIME.withLocale(i18n.locale()).format(f.clock().now()),
                        Math.round(acceleration), editing.dayLasts(acceleration)));
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

    /** Adds one sensor of {@code measureKey} in {@code room}, on {@code broker} or the fleet's, and starts it. */
    public void addSensor(String room, String measureKey, Optional<ConnectionProfile> broker) {
        fleet.get().filter(f -> broker.isEmpty() || brokers.define(f, broker.get())).ifPresent(f -> editing
                .addSensor(f, room, measureKey, broker.map(ConnectionProfile::name)).handle(id -> run(x -> x.start(id)), message::set));
    }

    /** Adds a room with the house's four measures, on {@code broker} or the fleet's, and starts it. */
    public void addRoom(String room, Optional<ConnectionProfile> broker) {
        fleet.get().filter(f -> broker.isEmpty() || brokers.define(f, broker.get())).ifPresent(f -> editing
                .addRoom(f, room, broker.map(ConnectionProfile::name)).handle(name -> run(x -> x.startRoom(name)), message::set));
    }

    /** Removes one sensor; its retained status is cleared on the broker (see {@link SensorFleet#remove}). */
    public void remove(SensorRow row) {
        removing(f -> f.remove(row.id()), row.id());
    }

    public void removeRoom(String room) {
        if (room != null) {
            removing(f -> f.removeRoom(room), room);
        }
    }

    private void removing(Function<SensorFleet, CompletableFuture<Void>> command, String what) {
        fleet.get().ifPresent(f -> command.apply(f).whenComplete((ok, error) -> pendingMessage.set(error == null
                ? i18n.text("sensors.removed", what) : i18n.text("sensors.removed.notCleared", what, rootMessage(error)))));
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t instanceof java.util.concurrent.CompletionException) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** The settings of the sensor in {@code row}, to fill the editor. */
    public Optional<SensorSpec> specOf(SensorRow row) {
        return fleet.get().flatMap(f -> f.find(row.id())).map(VirtualSensor::spec);
    }

    /** Applies edited settings to one sensor; it restarts with them if it was running. */
    void applySettings(SensorRow row, String intervalMs, PayloadFormat format, int qos, boolean retain,
                       SensorEditing.FaultFields faults) {
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
                .thenAccept(result -> result.handle(pendingScenario::set, pendingMessage::set));
    }

    /** Saves the sensors and weather bridges; the bridges' API keys only if {@code withKeys} (README). */
    public void saveFile(Path file, boolean withKeys) {
        fleet.get().ifPresent(f -> {
            Scenario current = editing.current(f, weather.sources());
            CompletableFuture.runAsync(() -> pendingMessage.set(editing.write(current, file, withKeys)), background);
        });
    }

    private void load(Scenario scenario) {
        fleet.get().ifPresent(f -> {
            f.resumeAll();
            brokers.defineNamedIn(f, scenario.sensors());
            f.replaceWith(scenario.sensors(), scenario.acceleration());
            weather.startAll(f, scenario.weather(), typedWeatherKey);
            weatherRunning.set(weather.isRunning());
            pendingMessage.set(i18n.text("sensors.loaded", scenario.name(), scenario.sensors().size() + scenario.weather().size()));
        });
    }

    /** The key in the weather row, used by loaded bridges whose file and environment gave none. */
    public void setTypedWeatherKey(String key) {
        typedWeatherKey = key == null ? "" : key;
    }

    /** Sends the sensors without a broker of their own, and the weather bridges, to {@code profile}'s broker. */
    public void useForFleet(ConnectionProfile profile) {
        brokers.useForFleet(profile);
        weather.followBroker();
    }

    private void run(Function<SensorFleet, CompletableFuture<Void>> command) {
        fleet.get().ifPresent(f -> command.apply(f).exceptionally(error -> {
            pendingMessage.set(String.valueOf(error.getMessage()));
            return null;
        }));
    }
}
