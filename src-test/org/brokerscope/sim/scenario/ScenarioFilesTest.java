package org.brokerscope.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.brokerscope.sim.FaultSettings;
import org.brokerscope.sim.Measure;
import org.brokerscope.sim.PayloadFormat;
import org.brokerscope.sim.SensorSpec;
import org.brokerscope.sim.weather.WeatherSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyBuiltInScenarioSurvivesSavingAndLoading() throws Exception {
        for (String name : Scenarios.NAMES) {
            Scenario scenario = Scenarios.byName(name, 3, 42).orElseThrow();
            Path file = dir.resolve(name + ".json");
            ScenarioFiles.write(scenario, file);
            assertEquals(scenario, ScenarioFiles.read(file), name);
        }
    }

    @Test
    void faultsAndEverySettingRoundTrip() throws Exception {
        SensorSpec spec = SensorSpec.builder("lab", "bench", Measure.CO2).id("co2-1").topic("{site}/{id}")
                .interval(Duration.ofMillis(250)).format(PayloadFormat.JSON).qos(1).retain(true).baseline(600)
                .faults(new FaultSettings(0.1, 0.05, 0.01, 2, 0.02)).seed(9).build();
        Scenario scenario = new Scenario("lab", 480, List.of(spec));
        assertEquals(scenario, ScenarioFiles.parse(ScenarioFiles.toJson(scenario)));
        assertEquals("lab/co2-1", spec.topic());
    }

    @Test
    void aHandWrittenFileNeedsOnlySiteRoomAndMeasure() throws Exception {
        Scenario s = ScenarioFiles.parse("""
                {"name": "mine", "sensors": [{"site": "home", "room": "attic", "measure": "temperature"}]}""");
        SensorSpec only = s.sensors().getFirst();
        assertEquals("home/attic/temperature", only.topic());
        assertEquals(Duration.ofSeconds(1), only.interval());
        assertEquals(1, s.acceleration());
    }

    @Test
    void mistakesAreNamedWithTheSensorAndField() {
        assertMessage("{\"sensors\": [{\"site\": \"a\", \"room\": \"b\", \"measure\": \"temp\"}]}",
                "sensors[0]: unknown measure \"temp\"");
        assertMessage("{\"sensors\": [{\"site\": \"a\", \"room\": \"b\", \"measure\": \"co2\", \"intervalMs\": 5}]}",
                "sensors[0]: Interval must be between 100 ms and 1 h");
        assertMessage("{\"sensors\": [{\"site\": \"a\", \"room\": \"b\", \"measure\": \"co2\", \"topic\": \"a/#\"}]}",
                "sensors[0]: Topic \"a/#\" is not valid");
        assertMessage("{\"sensors\": [{\"room\": \"b\", \"measure\": \"co2\"}]}", "sensors[0]: \"site\" is missing");
        assertMessage("{\"sensors\": [{\"site\": \"a\", \"room\": \"b\", \"measure\": \"co2\", \"qos\": \"one\"}]}",
                "sensors[0]: \"qos\" must be a number");
        assertMessage("{\"sensors\": []}", "\"sensors\" must be a non-empty array");
        assertMessage("{\"sensors\": [", "Not valid JSON");
        assertMessage("[1, 2]", "one JSON object");
    }

    @Test
    void builtInScenariosHaveUniqueTopics() {
        for (String name : Scenarios.NAMES) {
            List<SensorSpec> sensors = Scenarios.byName(name, 25, 1).orElseThrow().sensors();
            Set<String> topics = sensors.stream().map(SensorSpec::topic).collect(Collectors.toSet());
            assertEquals(sensors.size(), topics.size(), name);
        }
    }

    @Test
    void theDemoHouseKeepsTheTopicsOtherViewsUse() {
        Set<String> topics = Scenarios.demoHouse(42).sensors().stream().map(SensorSpec::topic).collect(Collectors.toSet());
        for (String room : List.of("salon", "cuisine", "chambre")) {
            assertTrue(topics.contains("maison/" + room + "/temperature"), room);
            assertTrue(topics.contains("maison/" + room + "/humidity"), room);
        }
    }

    private static void assertMessage(String json, String expectedStart) {
        ScenarioFiles.ScenarioException e = assertThrows(ScenarioFiles.ScenarioException.class, () -> ScenarioFiles.parse(json));
        assertTrue(e.getMessage().contains(expectedStart), e.getMessage());
    }

    @Test
    void weatherBridgesAndPerSensorBrokersRoundTripWithoutTheApiKeyUnlessAsked() throws Exception {
        SensorSpec onMosquitto = SensorSpec.builder("lab", "bench", Measure.TEMPERATURE).broker(java.util.Optional.of(
                "Class Mosquitto")).faults(new FaultSettings(0.25, 0.5, 0, -1.5, 0.125)).build();
        WeatherSettings lyon = WeatherSettings.openWeatherMap("s3cret-key", "Lyon,FR").withUrl("http://127.0.0.1:9/weather");
        Scenario scenario = new Scenario("lab", 60, List.of(onMosquitto), List.of(new ScenarioWeather(lyon, "MY_OWM_KEY")));
        Path file = dir.resolve("shared.json");

        ScenarioFiles.write(scenario, file);
        String json = Files.readString(file);
        assertTrue(!json.contains("s3cret-key"), "the key is not in a file written without asking: " + json);
        assertTrue(json.contains("\"apiKeyEnv\" : \"MY_OWM_KEY\"") && json.contains("\"broker\" : \"Class Mosquitto\""), json);

        // Read back where the variable holds the key: the same scenario; where it does not: no key, stated as blank.
        assertEquals(scenario, ScenarioFiles.parse(json, name -> name.equals("MY_OWM_KEY") ? "s3cret-key" : null));
        Scenario noKey = ScenarioFiles.parse(json, name -> null);
        assertEquals("", noKey.weather().getFirst().settings().apiKey());
        assertEquals("typed", noKey.weather().getFirst().withKeyIfMissing("typed").settings().apiKey());

        ScenarioFiles.write(scenario, file, true);
        assertTrue(Files.readString(file).contains("\"apiKey\" : \"s3cret-key\""), "written when asked");
        assertEquals(scenario, ScenarioFiles.parse(Files.readString(file), name -> null));
    }

    @Test
    void aFileMayHoldOnlyWeatherAndItsMistakesAreNamed() throws Exception {
        Scenario weatherOnly = ScenarioFiles.parse("{\"weather\":[{\"city\":\"Brest,FR\",\"intervalS\":120}]}", n -> null);
        assertEquals(List.of(), weatherOnly.sensors());
        assertEquals(Duration.ofMinutes(2), weatherOnly.weather().getFirst().settings().interval());
        assertEquals(WeatherSettings.OPENWEATHERMAP, weatherOnly.weather().getFirst().settings().url());
        assertEquals("weather[0]: \"city\" is missing", assertThrows(ScenarioFiles.ScenarioException.class,
                () -> ScenarioFiles.parse("{\"weather\":[{\"url\":\"x\"}]}", n -> null)).getMessage());
        assertEquals("weather[0]: \"intervalS\" must be at least 1, was 0.0", assertThrows(ScenarioFiles.ScenarioException.class,
                () -> ScenarioFiles.parse("{\"weather\":[{\"city\":\"x\",\"intervalS\":0}]}", n -> null)).getMessage());
    }
}
