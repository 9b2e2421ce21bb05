package org.brokerscope.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.SharedClientExecutor;

/**
 * The virtual sensors publishing to one broker. They share one scheduler thread for their readings and
 * one {@link SharedClientExecutor} for their MQTT clients, so a thousand sensors cost a handful of OS
 * threads. Sensors can be added, started and stopped one by one, by room or all together.
 */
public final class SensorFleet implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SensorFleet.class.getName());
    private static final long CLOSE_TIMEOUT_S = 15;

    private volatile ConnectionSettings broker;
    // Brokers named by sensors (their connection profile's name), with the login the user gave this session.
    private final Map<String, ConnectionSettings> named = new ConcurrentHashMap<>();
    private final SensorConnector connector;
    private final SimClock clock;
    private final List<VirtualSensor> sensors = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> companions = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("brokerscope-sensors").daemon(true).factory());
    private final SharedClientExecutor clientThreads = new SharedClientExecutor("brokerscope-sensor-mqtt");
    // Closing a connection blocks up to its disconnect timeout: one cheap virtual thread per closing sensor.
    private final ExecutorService closer = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("brokerscope-sensor-stop-", 0).factory());

    /** @param broker where the sensors connect, and with which credentials; the client ID is replaced per sensor */
    public SensorFleet(ConnectionSettings broker, SensorConnector connector, SimClock clock) {
        this.broker = broker;
        this.connector = connector;
        this.clock = clock;
    }

    public SimClock clock() {
        return clock;
    }

    public String serverUri() {
        return broker.serverUri();
    }

    /** Where sensors without a broker of their own publish. */
    public ConnectionSettings broker() {
        return broker;
    }

    /**
     * Points the sensors that follow the fleet's broker at another one: those started say {@code offline}
     * on the old broker and start again on the new one. Sensors with a broker of their own stay.
     */
    public CompletableFuture<Void> retarget(ConnectionSettings newBroker) {
        broker = newBroker;
        return restart(s -> s.spec().broker().isEmpty());
    }

    /**
     * Gives the connection settings for the profile a sensor names (see {@link SensorSpec#broker()}). The
     * started sensors that name it start again with them, including those waiting for it.
     */
    public CompletableFuture<Void> defineBroker(String profileName, ConnectionSettings settings) {
        named.put(profileName, settings);
        return restart(s -> s.spec().broker().filter(profileName::equals).isPresent());
    }

    /** Whether a broker of that name was given with {@link #defineBroker}. */
    public boolean knowsBroker(String profileName) {
        return named.containsKey(profileName);
    }

    /** The broker a sensor publishes to: its own named one, or the fleet's; empty if its name is unknown. */
    public Optional<ConnectionSettings> brokerFor(SensorSpec spec) {
        return spec.broker().isEmpty() ? Optional.of(broker) : Optional.ofNullable(named.get(spec.broker().get()));
    }

    /** Adds a stopped sensor. Its ID must be new in the fleet. */
    public VirtualSensor add(SensorSpec spec) {
        synchronized (sensors) {
            if (find(spec.id()).isPresent()) {
                throw new IllegalArgumentException("A sensor with ID \"" + spec.id() + "\" already exists");
            }
            VirtualSensor sensor = new VirtualSensor(spec, clock);
            sensors.add(sensor);
            return sensor;
        }
    }

    public List<VirtualSensor> sensors() {
        return List.copyOf(sensors);
    }

    public Optional<VirtualSensor> find(String id) {
        return sensors.stream().filter(s -> s.spec().id().equals(id)).findFirst();
    }

    /** Room names in the order their first sensor was added. */
    public List<String> rooms() {
        return List.copyOf(sensors.stream().map(s -> s.spec().room()).collect(LinkedHashSet::new, LinkedHashSet::add,
                LinkedHashSet::addAll));
    }

    /** Starts every stopped sensor; completes when all have connected or failed. */
    public CompletableFuture<Void> startAll() {
        return start(s -> true);
    }

    public CompletableFuture<Void> startRoom(String room) {
        return start(s -> s.spec().room().equals(room));
    }

    public CompletableFuture<Void> start(String id) {
        return start(s -> s.spec().id().equals(id));
    }

    /** Stops every sensor; each publishes {@code offline} and disconnects cleanly. */
    public CompletableFuture<Void> stopAll() {
        return stop(s -> true);
    }

    public CompletableFuture<Void> stopRoom(String room) {
        return stop(s -> s.spec().room().equals(room));
    }

    public CompletableFuture<Void> stop(String id) {
        return stop(s -> s.spec().id().equals(id));
    }

    /**
     * Gives sensor {@code id} new settings (same ID): it stops, saying offline, and starts again with them
     * if it was started.
     */
    public CompletableFuture<Void> replace(String id, SensorSpec spec) {
        VirtualSensor old = find(id).orElseThrow(() -> new IllegalArgumentException("No sensor with ID \"" + id + "\""));
        if (!spec.id().equals(id)) {
            throw new IllegalArgumentException("The new settings must keep the ID \"" + id + "\"");
        }
        boolean wasStarted = old.isStarted();
        return old.stop(closer).thenCompose(done -> {
            VirtualSensor fresh = new VirtualSensor(spec, clock);
            synchronized (sensors) {
                int at = sensors.indexOf(old);
                if (at < 0) {
                    return CompletableFuture.<Void>completedFuture(null);
                }
                sensors.set(at, fresh);
            }
            return wasStarted ? startOne(fresh) : CompletableFuture.<Void>completedFuture(null);
        });
    }

    /** Stops and removes every sensor, then adds and starts the scenario's. */
    public CompletableFuture<Void> replaceWith(List<SensorSpec> specs, double acceleration) {
        List<SensorSpec> copy = List.copyOf(specs);
        return stopAll().thenCompose(done -> {
            sensors.clear();
            clock.setAcceleration(acceleration);
            copy.forEach(this::add);
            return startAll();
        });
    }

    /** Something that publishes beside the sensors, e.g. a weather bridge, and stops with the fleet. */
    public void attach(AutoCloseable companion) {
        companions.add(companion);
    }

    /** Stops and forgets a companion attached earlier. */
    public void detach(AutoCloseable companion) {
        if (companions.remove(companion)) {
            closeQuietly(companion);
        }
    }

    /** Freezes simulated time and readings; connections stay up. */
    public void pauseAll() {
        clock.pause();
    }

    public void resumeAll() {
        clock.resume();
    }

    public boolean isPaused() {
        return clock.isPaused();
    }

    public long publishedCount() {
        return sensors.stream().mapToLong(VirtualSensor::publishedCount).sum();
    }

    public List<SensorStatus> statuses() {
        List<SensorStatus> out = new ArrayList<>(sensors.size());
        sensors.forEach(s -> out.add(s.status()));
        return out;
    }

    /**
     * Removes sensor {@code id}. It stops and, as a device taken away rather than switched off, clears its
     * retained status (and retained reading) instead of leaving {@code offline}: connecting once for that
     * if it was not connected. Completes exceptionally, saying why, if the broker could not be cleared.
     */
    public CompletableFuture<Void> remove(String id) {
        return remove(s -> s.spec().id().equals(id));
    }

    /** Removes every sensor of {@code room}, as {@link #remove(String)} does. */
    public CompletableFuture<Void> removeRoom(String room) {
        return remove(s -> s.spec().room().equals(room));
    }

    private CompletableFuture<Void> remove(Predicate<VirtualSensor> which) {
        List<VirtualSensor> gone;
        synchronized (sensors) {
            gone = sensors.stream().filter(which).toList();
            sensors.removeAll(gone);
        }
        return CompletableFuture.allOf(gone.stream().map(this::forget).toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> forget(VirtualSensor sensor) {
        boolean connected = sensor.isConnected();
        CompletableFuture<Void> stopped = sensor.stop(closer, true);
        if (connected) {
            return stopped;
        }
        Optional<ConnectionSettings> where = brokerFor(sensor.spec());
        return stopped.thenCompose(done -> where.isEmpty() ? CompletableFuture.<Void>completedFuture(null)
                : sensor.clearRetainedOnce(where.get(), connector, clientThreads, closer));
    }

    private CompletableFuture<Void> restart(Predicate<VirtualSensor> which) {
        return CompletableFuture.allOf(sensors.stream().filter(which).filter(VirtualSensor::isStarted)
                .map(s -> s.stop(closer).thenCompose(done -> startOne(s))).toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> start(Predicate<VirtualSensor> which) {
        return CompletableFuture.allOf(sensors.stream().filter(which).map(this::startOne)
                .toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> startOne(VirtualSensor sensor) {
        Optional<ConnectionSettings> where = brokerFor(sensor.spec());
        if (where.isEmpty()) {
            sensor.waitForBroker("No connection profile named \"" + sensor.spec().broker().orElse("")
                    + "\" is set up for the sensors");
            return CompletableFuture.completedFuture(null);
        }
        return sensor.start(where.get(), connector, clientThreads, scheduler).exceptionally(error -> null);
    }

    private CompletableFuture<Void> stop(Predicate<VirtualSensor> which) {
        return CompletableFuture.allOf(sensors.stream().filter(which).map(s -> s.stop(closer))
                .toArray(CompletableFuture[]::new));
    }

    /** Stops every sensor (they say {@code offline}), then the fleet's threads. Waits up to 15 s. */
    @Override
    public void close() {
        try {
            stopAll().get(CLOSE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "Not every sensor stopped cleanly: {0}", e.toString());
        }
        companions.forEach(SensorFleet::closeQuietly);
        companions.clear();
        scheduler.shutdownNow();
        closer.shutdown();
        clientThreads.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable companion) {
        try {
            companion.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Stopping {0} failed: {1}", companion, e.toString());
        }
    }
}
