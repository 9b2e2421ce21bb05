package org.brokerscope.sim.weather;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.BrokerConnections;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.LastWill;

/**
 * A sensor fed by a real weather service: polls the current weather and publishes temperature, humidity
 * and pressure under {@code site/room/…}. A failed poll is reported in plain words and retried after a
 * delay that doubles up to a ceiling, so a missing key or network never stops it for good nor floods
 * the service.
 */
public final class WeatherBridge implements AutoCloseable {
    private final WeatherClient client;
    private final WeatherSettings settings;
    private final BrokerConnection connection;
    private final ScheduledExecutorService scheduler;
    private volatile WeatherStatus status = new WeatherStatus(Optional.empty(), Optional.empty(), Optional.empty(), 0, 0);
    private ScheduledFuture<?> next;
    private boolean closed;
    private boolean ownsScheduler;

    /**
     * What the bridge last did.
     *
     * @param failures consecutive failed polls; 0 after a success
     * @param polls    every attempt so far
     */
    public record WeatherStatus(Optional<WeatherReading> last, Optional<WeatherException.Kind> problem,
                                Optional<String> error, int failures, long polls) {
    }

    /** @param connection not yet connected; its Last Will should come from {@link #lastWill(WeatherSettings)} */
    public WeatherBridge(WeatherClient client, WeatherSettings settings, BrokerConnection connection,
                         ScheduledExecutorService scheduler) {
        this.client = client;
        this.settings = settings;
        this.connection = connection;
        this.scheduler = scheduler;
    }

    /**
     * A bridge with its own MQTT 5 connection to {@code serverUri} (client ID {@code bs-weather-<room>}, Last
     * Will set) and its own polling thread, both released by {@link #close()}. Call {@link #start()}.
     */
    public static WeatherBridge create(WeatherSettings settings, String serverUri) {
        return create(settings, ConnectionSettings.of(serverUri, "bs-weather-" + settings.room()));
    }

    /**
     * The same on {@code broker}'s address, protocol (MQTT 5, 3.1.1 or Auto), login and TLS, with the client
     * ID {@code bs-weather-<room>} and the bridge's own Last Will.
     */
    public static WeatherBridge create(WeatherSettings settings, ConnectionSettings broker) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("brokerscope-weather").daemon(true).factory());
        ConnectionSettings own = new ConnectionSettings(broker.serverUri(), "bs-weather-" + settings.room(),
                broker.keepAliveSeconds(), true, 0, broker.protocol(), broker.credentials(), Optional.empty(), broker.tls());
        BrokerConnection connection = BrokerConnections.open(own.withWill(lastWill(settings)), message -> { });
        WeatherBridge bridge = new WeatherBridge(new WeatherClient(HttpClient.newHttpClient(), settings), settings,
                connection, poller);
        bridge.ownsScheduler = true;
        return bridge;
    }

    public WeatherSettings settings() {
        return settings;
    }

    public static LastWill lastWill(WeatherSettings settings) {
        return new LastWill(statusTopic(settings), "offline".getBytes(StandardCharsets.US_ASCII), 1, true);
    }

    public static String statusTopic(WeatherSettings settings) {
        return settings.site() + "/" + settings.room() + "/status";
    }

    public WeatherStatus status() {
        return status;
    }

    /** Connects, says online, and polls now and then every interval. */
    public CompletableFuture<Void> start() {
        return connection.connect()
                .thenCompose(ok -> connection.publish(statusTopic(settings), bytes("online"), 1, true))
                .thenRun(() -> schedule(Duration.ZERO));
    }

    /** The delay before the next attempt after {@code failures} consecutive failures. */
    Duration retryDelay(int failures) {
        long factor = 1L << Math.min(failures - 1, 20);
        Duration delay = settings.firstRetry().multipliedBy(factor);
        return delay.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : delay;
    }

    private synchronized void schedule(Duration delay) {
        if (!closed) {
            next = scheduler.schedule(this::poll, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void poll() {
        WeatherStatus before = status;
        try {
            WeatherReading reading = client.fetch();
            publish(reading);
            status = new WeatherStatus(Optional.of(reading), Optional.empty(), Optional.empty(), 0, before.polls() + 1);
            schedule(settings.interval());
        } catch (WeatherException e) {
            int failures = before.failures() + 1;
            status = new WeatherStatus(before.last(), Optional.of(e.kind()), Optional.of(e.getMessage()), failures,
                    before.polls() + 1);
            schedule(retryDelay(failures));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(WeatherReading r) {
        if (connection.state() != ConnectionState.CONNECTED) {
            return; // the connection reconnects by itself; the next poll publishes again
        }
        String base = settings.site() + "/" + settings.room() + "/";
        connection.publish(base + "temperature", bytes(String.format(Locale.ROOT, "%.1f", r.temperature())), 0, false);
        connection.publish(base + "humidity", bytes(String.format(Locale.ROOT, "%.0f", r.humidity())), 0, false);
        connection.publish(base + "pressure", bytes(String.format(Locale.ROOT, "%.0f", r.pressure())), 0, false);
    }

    /** Stops polling, says offline and disconnects. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (next != null) {
                next.cancel(true);
            }
        }
        if (connection.state() == ConnectionState.CONNECTED) {
            connection.publish(statusTopic(settings), bytes("offline"), 1, true).orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(error -> null).join();
        }
        connection.close();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
