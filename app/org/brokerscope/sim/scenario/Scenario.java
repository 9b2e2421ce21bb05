package org.brokerscope.sim.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.brokerscope.sim.SensorSpec;

/**
 * A set of virtual sensors that run together, with the speed of their simulated time.
 *
 * @param acceleration simulated seconds per real second: 1 is real time, 480 makes a day last 3 minutes
 * @param weather      weather bridges that run beside the sensors
 */
public record Scenario(String name, double acceleration, List<SensorSpec> sensors, List<ScenarioWeather> weather) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        sensors = List.copyOf(sensors);
        weather = List.copyOf(weather);
        if (!(acceleration >= 1 && acceleration <= 100_000)) {
            throw new IllegalArgumentException("Time acceleration must be between 1 and 100000, was " + acceleration);
        }
        Set<String> ids = new HashSet<>();
        for (SensorSpec s : sensors) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("Two sensors have the ID \"" + s.id() + "\"; IDs must be unique");
            }
        }
    }

    /** Sensors only, no weather bridge. */
    public Scenario(String name, double acceleration, List<SensorSpec> sensors) {
        this(name, acceleration, sensors, List.of());
    }

    public Scenario withAcceleration(double newAcceleration) {
        return new Scenario(name, newAcceleration, sensors, weather);
    }
}
