package org.brokerscope.sim.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.brokerscope.broker.FreePorts;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.testing.Eventually;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The weather bridge against a local HTTP stub standing in for OpenWeatherMap, publishing to a real Mosquitto. */
class WeatherBridgeTest {
    /** OpenWeatherMap's documented current-weather answer (units=metric), as the service sends it. */
    static final String RECORDED = """
            {"coord":{"lon":4.8467,"lat":45.7485},"weather":[{"id":803,"main":"Clouds","description":"broken clouds",\
            "icon":"04d"}],"base":"stations","main":{"temp":11.42,"feels_like":10.62,"temp_min":10.5,"temp_max":12.22,\
            "pressure":1018,"humidity":76,"sea_level":1018,"grnd_level":985},"visibility":10000,"wind":{"speed":4.63,\
            "deg":240},"clouds":{"all":75},"dt":1732352400,"sys":{"type":2,"id":2005747,"country":"FR",\
            "sunrise":1732346650,"sunset":1732378300},"timezone":3600,"id":2996944,"name":"Lyon","cod":200}""";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private HttpServer stub;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = RECORDED;
    private MosquittoBroker broker;
    private BrokerConnection watcher;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private WeatherBridge bridge;

    @BeforeEach
    void start() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/data/2.5/weather", exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
        broker = MosquittoBroker.start();
        watcher = new PahoV5Connection(ConnectionSettings.of(broker.tcpUri(), "watcher"),
                m -> seen.put(m.topic(), new String(m.payload(), StandardCharsets.UTF_8)));
        watcher.connect().get(10, TimeUnit.SECONDS);
        watcher.subscribe("meteo/#", 1).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        scheduler.shutdownNow();
        watcher.close();
        broker.close();
        stub.stop(0);
    }

    @Test
    void aRecordedResponseIsPublishedAsTemperatureHumidityAndPressure() throws Exception {
        bridge = bridge(settings("secret-key", "http://127.0.0.1:" + stub.getAddress().getPort() + "/data/2.5/weather"));
        bridge.start().get(10, TimeUnit.SECONDS);

        Eventually.await(WAIT, () -> seen.containsKey("meteo/lyon/pressure"), () -> "readings: " + seen);
        assertEquals("11.4", seen.get("meteo/lyon/temperature"));
        assertEquals("76", seen.get("meteo/lyon/humidity"));
        assertEquals("1018", seen.get("meteo/lyon/pressure"));
        assertEquals("online", seen.get("meteo/lyon/status"));
        assertEquals("q=Lyon%2CFR&units=metric&appid=secret-key", queries.getFirst());
        assertEquals(0, bridge.status().failures());

        bridge.close();
        bridge = null;
        Eventually.await(WAIT, () -> "offline".equals(seen.get("meteo/lyon/status")), "offline when closed");
    }

    @Test
    void aBrokenResponseIsReportedAndRetriedWithGrowingDelays() throws Exception {
        body = "<html><body>Bad gateway</body></html>";
        bridge = bridge(settings("k", "http://127.0.0.1:" + stub.getAddress().getPort() + "/data/2.5/weather"));
        bridge.start().get(10, TimeUnit.SECONDS);

        Eventually.await(WAIT, () -> bridge.status().failures() >= 3, () -> "three failed polls: " + bridge.status());
        assertEquals(WeatherException.Kind.BAD_RESPONSE, bridge.status().problem().orElseThrow());
        assertTrue(bridge.status().error().orElseThrow().startsWith("The weather service sent something that is not JSON"),
                bridge.status().error().orElseThrow());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(800)), List.of(bridge.retryDelay(1), bridge.retryDelay(2), bridge.retryDelay(3),
                bridge.retryDelay(4), bridge.retryDelay(30)));

        body = RECORDED; // the service recovers: the next retry publishes and the failures reset
        Eventually.await(WAIT, () -> seen.containsKey("meteo/lyon/temperature") && bridge.status().failures() == 0,
                () -> "recovered: " + bridge.status());
        assertTrue(bridge.status().error().isEmpty());
    }

    @Test
    void a401SaysTheKeyWasRefused() throws Exception {
        status = 401;
        body = "{\"cod\":401, \"message\": \"Invalid API key.\"}";
        bridge = bridge(settings("wrong", "http://127.0.0.1:" + stub.getAddress().getPort() + "/data/2.5/weather"));
        bridge.start().get(10, TimeUnit.SECONDS);

        Eventually.await(WAIT, () -> bridge.status().failures() >= 2, () -> "retried: " + bridge.status());
        assertEquals(WeatherException.Kind.KEY_REFUSED, bridge.status().problem().orElseThrow());
        assertTrue(bridge.status().error().orElseThrow().contains("refused the API key (HTTP 401)"));
        assertTrue(!seen.containsKey("meteo/lyon/temperature"), "nothing published from an error");
    }

    @Test
    void withoutAKeyNothingIsSentAndTheProblemIsNamed() throws Exception {
        bridge = bridge(settings(" ", "http://127.0.0.1:" + stub.getAddress().getPort() + "/data/2.5/weather"));
        bridge.start().get(10, TimeUnit.SECONDS);

        Eventually.await(WAIT, () -> bridge.status().failures() >= 2, () -> "retried: " + bridge.status());
        assertEquals(WeatherException.Kind.NO_KEY, bridge.status().problem().orElseThrow());
        assertTrue(bridge.status().error().orElseThrow().startsWith("No API key"));
        assertEquals(List.of(), queries, "no request without a key");
    }

    @Test
    void withoutNetworkTheServiceIsNamedAsUnreachable() throws Exception {
        int closed = FreePorts.any("127.0.0.1");
        bridge = bridge(settings("k", "http://127.0.0.1:" + closed + "/data/2.5/weather"));
        bridge.start().get(10, TimeUnit.SECONDS);

        Eventually.await(WAIT, () -> bridge.status().failures() >= 2, () -> "retried: " + bridge.status());
        assertEquals(WeatherException.Kind.UNREACHABLE, bridge.status().problem().orElseThrow());
        assertTrue(bridge.status().error().orElseThrow().startsWith("Cannot reach 127.0.0.1"),
                bridge.status().error().orElseThrow());
    }

    private WeatherSettings settings(String key, String url) {
        return new WeatherSettings(url, key, "Lyon,FR", "meteo", "lyon", Duration.ofMinutes(10), Duration.ofMillis(100),
                Duration.ofMillis(800));
    }

    private WeatherBridge bridge(WeatherSettings settings) {
        BrokerConnection connection = new PahoV5Connection(ConnectionSettings.of(broker.tcpUri(), "weather-bridge")
                .withWill(WeatherBridge.lastWill(settings)), m -> { });
        return new WeatherBridge(new WeatherClient(HttpClient.newHttpClient(), settings), settings, connection, scheduler);
    }

}
