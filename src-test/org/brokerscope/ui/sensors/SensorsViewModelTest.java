package org.brokerscope.ui.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.brokerscope.AppStatus;
import org.brokerscope.ingest.IngestStats;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.sim.SensorConnector;
import org.brokerscope.sim.SensorFleet;
import org.brokerscope.sim.SimClock;
import org.brokerscope.sim.scenario.ScenarioFiles;
import org.brokerscope.sim.scenario.Scenarios;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.settings.ProfileStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands behind the file dialogs and the add fields, whose outcomes reach the view on the next frame. */
class SensorsViewModelTest {
    @TempDir
    Path dir;
    // Never started: these commands only edit the fleet and its files.
    private final SensorFleet fleet = new SensorFleet(ConnectionSettings.of("tcp://127.0.0.1:1", "unused"),
            SensorConnector.paho(), SimClock.realTime());
    private SensorsViewModel model;
    private long now = 1_000_000_000L;

    @org.junit.jupiter.api.BeforeEach
    void newModel() {
        ProfileStore profiles = new ProfileStore(dir.resolve("profiles.json"), java.time.Clock.systemUTC(),
                id -> ConnectionProfile.embedded("Embedded broker", 1883, id));
        model = new SensorsViewModel(I18n.forLanguage("en"), () -> Optional.of(fleet), profiles, Runnable::run);
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void savingWritesTheSensorsAndSaysSo() throws Exception {
        Scenarios.demoHouse(42).sensors().forEach(fleet::add);
        Path file = dir.resolve("maison.json");

        model.saveFile(file, false);
        frame();

        assertEquals("Saved 6 sensors to maison.json.", model.messageProperty().get());
        assertEquals(6, ScenarioFiles.read(file).sensors().size());
    }

    @Test
    void aBrokenFileIsReportedWithItsNameAndReason() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"sensors\": [{\"site\": \"a\", \"room\": \"b\", \"measure\": \"temp\"}]}");

        model.loadFile(file);
        frame();

        assertTrue(model.messageProperty().get().startsWith("Could not load broken.json: sensors[0]: unknown measure"),
                model.messageProperty().get());
    }

    @Test
    void addingNeedsARoomNameAndARoomOnlyOnce() {
        model.addRoom("  ", Optional.empty());
        assertEquals("Type a room name first.", model.messageProperty().get());

        model.addRoom("bureau", Optional.empty());
        frame();
        assertEquals(4, model.rows().size());
        assertEquals("bureau", model.rooms().getFirst());

        model.addRoom("bureau", Optional.empty());
        assertEquals("There is already a room called bureau.", model.messageProperty().get());

        model.addSensor("bureau", "temperature", Optional.empty());
        frame();
        assertEquals("maison/bureau/bureau-temperature-2", model.rows().getLast().topic(), "a second one gets its own topic");
    }

    @Test
    void aBadIntervalIsRefusedWithTheValue() {
        model.addSensor("salon", "co2", Optional.empty());
        frame();
        SensorRow row = model.rows().getFirst();

        model.applySettings(row, "fast", org.brokerscope.sim.PayloadFormat.JSON, 0, false,
                new SensorEditing.FaultFields("0", "0", "0", "0", "0"));
        assertEquals("The interval must be a whole number of milliseconds, was fast.", model.messageProperty().get());

        model.applySettings(row, "50", org.brokerscope.sim.PayloadFormat.JSON, 0, false,
                new SensorEditing.FaultFields("0", "0", "0", "0", "0"));
        assertEquals("Not applied: Interval must be between 100 ms and 1 h, was 50 ms", model.messageProperty().get());
    }

    @Test
    void aScenarioNamingAProfileThatDoesNotExistHereSaysSoAndItsSensorsWait() throws Exception {
        Path file = dir.resolve("shared.json");
        Files.writeString(file, "{\"sensors\": [{\"site\": \"a\", \"room\": \"b\", \"measure\": \"co2\","
                + " \"broker\": \"School broker\"}]}");
        model.loadFile(file);
        frame();
        assertEquals("No saved connection profile is called \"School broker\": its sensors wait. Add it in File › Connect…,"
                + " then load the scenario again.", model.messageProperty().get());
        org.brokerscope.testing.Eventually.await(java.time.Duration.ofSeconds(10),
                () -> fleet.statuses().size() == 1 && fleet.statuses().getFirst().state() == org.brokerscope.sim.SensorState.NO_BROKER,
                "the sensor waits for its broker");
        frame();
        assertTrue(model.rows().getFirst().stateProperty().get().startsWith("No broker: No connection profile named"),
                model.rows().getFirst().stateProperty().get());
        assertEquals("School broker", model.rows().getFirst().brokerProperty().get());
    }

    private void frame() {
        now += SensorsViewModel.REFRESH_NANOS;
        model.onFrame(new Frame(now, AppStatus.IDLE, ConnectionState.DISCONNECTED, IngestStats.ZERO, Map.of()));
    }
}
