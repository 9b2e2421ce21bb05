package org.brokerscope.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.brokerscope.domain.Topics;

/**
 * Everything that defines one virtual sensor. Build one with {@link #builder(String, String, Measure)}.
 *
 * @param id            unique in its scenario; part of the client ID
 * @param topicTemplate e.g. {@code {site}/{room}/{measure}}; {@code {id}} is also replaced
 * @param interval      real time between readings, 100 ms to 1 h
 * @param occupancy     the pattern that drives CO2, light, noise and motion; NONE means outdoors
 * @param baseline      the level the model centres on (set point, mean, start charge); empty for its default
 * @param seed          decides the whole series, with the simulated times
 * @param broker        the name of the saved connection profile this sensor publishes to; empty for the
 *                      fleet's broker. A name, not the profile's ID, so that a shared scenario file finds the
 *                      same broker on another machine where a profile of that name exists
 */
public record SensorSpec(String id, String site, String room, Measure measure, String topicTemplate, Duration interval,
                         PayloadFormat format, int qos, boolean retain, Occupancy occupancy, OptionalDouble baseline,
                         FaultSettings faults, long seed, Optional<String> broker) {
    public static final String DEFAULT_TEMPLATE = "{site}/{room}/{measure}";
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);

    public SensorSpec {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(occupancy, "occupancy");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(faults, "faults");
        broker = broker == null ? Optional.empty() : broker.map(String::strip).filter(b -> !b.isEmpty());
        requireText("id", id);
        requireText("site", site);
        requireText("room", room);
        requireText("topic", topicTemplate);
        if (interval == null || interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("Interval must be between 100 ms and 1 h, was "
                    + (interval == null ? "none" : interval.toMillis() + " ms"));
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + qos);
        }
        String topic = resolve(topicTemplate, id, site, room, measure);
        Topics.checkName(topic).ifPresent(problem -> {
            throw new IllegalArgumentException("Topic \"" + topic + "\" is not valid to publish to: " + problem);
        });
    }

    public static Builder builder(String site, String room, Measure measure) {
        return new Builder(site, room, measure);
    }

    public Builder toBuilder() {
        return new Builder(site, room, measure).id(id).topic(topicTemplate).interval(interval).format(format).qos(qos)
                .retain(retain).occupancy(occupancy).baseline(baseline).faults(faults).seed(seed).broker(broker);
    }

    /** The topic readings go to. */
    public String topic() {
        return resolve(topicTemplate, id, site, room, measure);
    }

    /** Where the sensor says {@code online} and its Last Will says {@code offline}, both retained. */
    public String statusTopic() {
        return topic() + "/status";
    }

    private static String resolve(String template, String id, String site, String room, Measure measure) {
        return template.replace("{site}", site).replace("{room}", room).replace("{measure}", measure.key())
                .replace("{id}", id);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The sensor's " + name + " must not be empty");
        }
    }

    /** Defaults: id {@code room-measure}, the default template, 1 s, plain, QoS 0, not retained, no faults. */
    public static final class Builder {
        private final String site;
        private final String room;
        private final Measure measure;
        private String id;
        private String topic = DEFAULT_TEMPLATE;
        private Duration interval = Duration.ofSeconds(1);
        private PayloadFormat format = PayloadFormat.PLAIN;
        private int qos;
        private boolean retain;
        private Occupancy occupancy = Occupancy.HOME;
        private OptionalDouble baseline = OptionalDouble.empty();
        private FaultSettings faults = FaultSettings.NONE;
        private long seed;
        private Optional<String> broker = Optional.empty();

        private Builder(String site, String room, Measure measure) {
            this.site = site;
            this.room = room;
            this.measure = measure;
            this.id = room + "-" + (measure == null ? "" : measure.key());
        }

        public Builder id(String value) { id = value; return this; }
        public Builder topic(String template) { topic = template; return this; }
        public Builder interval(Duration value) { interval = value; return this; }
        public Builder format(PayloadFormat value) { format = value; return this; }
        public Builder qos(int value) { qos = value; return this; }
        public Builder retain(boolean value) { retain = value; return this; }
        public Builder occupancy(Occupancy value) { occupancy = value; return this; }
        public Builder baseline(OptionalDouble value) { baseline = value; return this; }
        public Builder baseline(double value) { baseline = OptionalDouble.of(value); return this; }
        public Builder faults(FaultSettings value) { faults = value; return this; }
        public Builder seed(long value) { seed = value; return this; }
        public Builder broker(Optional<String> profileName) { broker = profileName; return this; }

        public SensorSpec build() {
            return new SensorSpec(id, site, room, measure, topic, interval, format, qos, retain, occupancy, baseline,
                    faults, seed, broker);
        }
    }
}
