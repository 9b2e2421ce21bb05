package org.brokerscope.sim.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.brokerscope.domain.AtomicFiles;
import java.util.function.Function;
import org.brokerscope.sim.FaultSettings;
import org.brokerscope.sim.Measure;
import org.brokerscope.sim.Occupancy;
import org.brokerscope.sim.PayloadFormat;
import org.brokerscope.sim.SensorSpec;

/**
 * Scenarios as JSON files that people save, edit by hand and share; the format is in the README. Reading
 * names the sensor and field at fault, so a typo in a shared file is quick to fix.
 */
public final class ScenarioFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The format this version writes as {@code "version"}; a file without one is format 1. */
    public static final int FORMAT = 1;

    private ScenarioFiles() {
    }

    /** A scenario file could not be used; the message says where and why. */
    public static final class ScenarioException extends Exception {
        public ScenarioException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Scenario read(Path file) throws ScenarioException {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new ScenarioException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static Scenario parse(String json) throws ScenarioException {
        return parse(json, System::getenv);
    }

    /** @param environment looks up the variable a weather bridge's key is read from ({@code System::getenv}) */
    public static Scenario parse(String json, Function<String, String> environment) throws ScenarioException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new ScenarioException("Not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("A scenario file holds one JSON object with a \"sensors\" array", null);
        }
        JsonNode version = root.path("version");
        if (!version.isMissingNode() && !version.canConvertToInt()) {
            throw new ScenarioException("\"version\" must be a whole number, was " + version, null);
        }
        if (version.asInt(FORMAT) > FORMAT) {
            throw new ScenarioException("This scenario was written by a newer Brokerscope (format " + version.asInt()
                    + "); this version reads format " + FORMAT + ". Update Brokerscope to open it.", null);
        }
        List<ScenarioWeather> weather = WeatherJson.read(root.path("weather"), environment);
        JsonNode sensors = root.path("sensors");
        if (weather.isEmpty() ? !sensors.isArray() || sensors.isEmpty() : !sensors.isMissingNode() && !sensors.isArray()) {
            throw new ScenarioException("\"sensors\" must be a non-empty array (it may be left out when there is"
                    + " a \"weather\" bridge)", null);
        }
        List<SensorSpec> specs = new ArrayList<>();
        for (int i = 0; i < sensors.size(); i++) {
            try {
                specs.add(sensor(sensors.get(i)));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("sensors[" + i + "]: " + e.getMessage(), e);
            }
        }
        try {
            return new Scenario(root.path("name").asText("scenario"), number(root, "timeAcceleration", 1), specs, weather);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(e.getMessage(), e);
        }
    }

    /** Writes through {@link AtomicFiles}, so a crash never leaves half a file. */
    public static void write(Scenario scenario, Path file) throws IOException {
        write(scenario, file, false);
    }

    /**
     * @param withKeys also write the weather bridges' API keys in clear: only when the user asked for it, since
     *                 scenario files are made to be shared
     */
    public static void write(Scenario scenario, Path file, boolean withKeys) throws IOException {
        AtomicFiles.write(file, toJson(scenario, withKeys).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static String toJson(Scenario scenario) {
        return toJson(scenario, false);
    }

    public static String toJson(Scenario scenario, boolean withKeys) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", FORMAT);
        root.put("name", scenario.name());
        root.put("timeAcceleration", scenario.acceleration());
        ArrayNode sensors = root.putArray("sensors");
        for (SensorSpec s : scenario.sensors()) {
            ObjectNode n = sensors.addObject();
            n.put("id", s.id()).put("site", s.site()).put("room", s.room()).put("measure", s.measure().key())
                    .put("topic", s.topicTemplate()).put("intervalMs", s.interval().toMillis())
                    .put("payload", s.format().key()).put("qos", s.qos()).put("retain", s.retain())
                    .put("occupancy", s.occupancy().name().toLowerCase(Locale.ROOT));
            s.baseline().ifPresent(b -> n.put("baseline", b));
            n.put("seed", s.seed());
            s.broker().ifPresent(b -> n.put("broker", b));
            if (s.faults().any()) {
                FaultSettings f = s.faults();
                n.putObject("faults").put("dropout", f.dropout()).put("spike", f.spike()).put("stuck", f.stuck())
                        .put("driftPerDay", f.driftPerDay()).put("garbled", f.garbled());
            }
        }
        if (!scenario.weather().isEmpty()) {
            WeatherJson.write(scenario.weather(), root.putArray("weather"), withKeys);
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JacksonException e) {
            throw new IllegalStateException("A tree of plain values always serialises", e);
        }
    }

    private static SensorSpec sensor(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("each sensor is a JSON object");
        }
        String measureKey = text(n, "measure", null);
        Measure measure = Measure.byKey(measureKey).orElseThrow(() -> new IllegalArgumentException(
                "unknown measure \"" + measureKey + "\" (known: " + Measure.knownKeys() + ")"));
        SensorSpec.Builder b = SensorSpec.builder(text(n, "site", null), text(n, "room", null), measure);
        if (n.has("id")) {
            b.id(text(n, "id", null));
        }
        String payload = text(n, "payload", "plain");
        b.topic(text(n, "topic", SensorSpec.DEFAULT_TEMPLATE))
                .interval(Duration.ofMillis((long) number(n, "intervalMs", 1_000)))
                .format(PayloadFormat.byKey(payload).orElseThrow(() -> new IllegalArgumentException(
                        "payload must be \"plain\" or \"json\", was \"" + payload + "\"")))
                .qos((int) number(n, "qos", 0)).retain(n.path("retain").asBoolean(false))
                .occupancy(occupancy(text(n, "occupancy", "home"))).seed((long) number(n, "seed", 0));
        if (n.has("baseline")) {
            b.baseline(number(n, "baseline", 0));
        }
        if (n.has("broker")) {
            b.broker(java.util.Optional.of(text(n, "broker", null)));
        }
        JsonNode f = n.path("faults");
        if (f.isObject()) {
            b.faults(new FaultSettings(number(f, "dropout", 0), number(f, "spike", 0), number(f, "stuck", 0),
                    number(f, "driftPerDay", 0), number(f, "garbled", 0)));
        }
        return b.build();
    }

    private static Occupancy occupancy(String key) {
        try {
            return Occupancy.valueOf(key.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("occupancy must be home, classroom or none, was \"" + key + "\"", e);
        }
    }

    static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException("\"" + field + "\" is missing");
            }
            return fallback;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be text, was " + v);
        }
        return v.asText();
    }

    static double number(JsonNode n, String field, double fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number, was " + v);
        }
        return v.asDouble();
    }
}
