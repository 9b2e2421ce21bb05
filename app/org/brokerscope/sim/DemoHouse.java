package org.brokerscope.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.brokerscope.mqtt.BrokerConnection;

/**
 * The demo that makes a first start come alive: a small house whose rooms each publish temperature and
 * humidity once a second, under {@code maison/<room>/<measure>}, the convention French MQTT classes use.
 */
public final class DemoHouse {
    public static final String SITE = "maison";
    public static final List<String> ROOMS = List.of("salon", "cuisine", "chambre");
    private static final double[] TEMPERATURES = {21.0, 22.5, 19.0};
    private static final double[] HUMIDITIES = {45, 55, 50};

    private DemoHouse() {
    }

    /**
     * Builds the demo fleet; {@code connectionFor} makes each sensor's own connection from its client ID.
     */
    public static SensorFleet fleet(Function<String, BrokerConnection> connectionFor, Duration interval, long seed) {
        List<VirtualSensor> sensors = new ArrayList<>();
        Clock clock = Clock.systemUTC();
        for (int i = 0; i < ROOMS.size(); i++) {
            String room = ROOMS.get(i);
            sensors.add(sensor(SITE, room, "temperature", DailyCycleModel.temperature(TEMPERATURES[i], seed + 2L * i),
                    connectionFor, interval, clock));
            sensors.add(sensor(SITE, room, "humidity", DailyCycleModel.humidity(HUMIDITIES[i], seed + 2L * i + 1),
                    connectionFor, interval, clock));
        }
        return new SensorFleet(sensors);
    }

    /**
     * A fleet of {@code count} sensors under {@code site}: rooms {@code room1, room2, ...} with a
     * temperature and a humidity sensor each, for load tests and benchmarks.
     */
    public static SensorFleet roomsFleet(String site, int count, Function<String, BrokerConnection> connectionFor,
                                         Duration interval, long seed) {
        List<VirtualSensor> sensors = new ArrayList<>(count);
        Clock clock = Clock.systemUTC();
        for (int i = 0; i < count; i++) {
            String room = "room" + (i / 2 + 1);
            SignalModel model = i % 2 == 0 ? DailyCycleModel.temperature(21, seed + i) : DailyCycleModel.humidity(50, seed + i);
            sensors.add(sensor(site, room, i % 2 == 0 ? "temperature" : "humidity", model, connectionFor, interval, clock));
        }
        return new SensorFleet(sensors);
    }

    private static VirtualSensor sensor(String site, String room, String measure, SignalModel model,
                                        Function<String, BrokerConnection> connectionFor, Duration interval,
                                        Clock clock) {
        String topic = site + "/" + room + "/" + measure;
        String clientId = (site.equals(SITE) ? "demo" : site) + "-" + room + "-" + measure;
        return new VirtualSensor(topic, model, interval, connectionFor.apply(clientId), clock);
    }
}
