package org.brokerscope.ui.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.MessageProperties;
import org.brokerscope.domain.rooms.AlertLogCsv;
import org.brokerscope.domain.rooms.RoomSnapshots;
import org.brokerscope.domain.rooms.RoomsModel;
import org.brokerscope.ingest.rooms.RoomsFeed;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's commands: order, hide, rules and export; every change is saved. No window needed. */
class RoomsViewModelTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RoomsModel model = new RoomsModel(RoomsModel.Options.defaults());
    private final RoomsFeed feed = new RoomsFeed(model, scheduler, Clock.systemUTC(), Optional::empty);
    private final List<RoomsSettings> saved = new ArrayList<>();
    private final RoomsViewModel vm = new RoomsViewModel(feed, I18n.forLanguage("en"), RoomsSettings.defaults(), saved::add, Runnable::run);
    private long frame = 1;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void cardsMoveHideAndSortAndEveryChangeIsSaved() {
        for (String room : List.of("salon", "cuisine", "chambre")) {
            feed.accept(message("maison/" + room + "/temperature", "21"));
        }
        feed.accept(message("maison/cuisine/co2", "1600"));
        pulse();
        assertEquals(List.of("maison/chambre", "maison/cuisine", "maison/salon"), keys());
        vm.move("maison/salon", -1);
        assertEquals(List.of("maison/chambre", "maison/salon", "maison/cuisine"), keys());
        assertEquals(List.of("maison/chambre", "maison/salon", "maison/cuisine"), saved.getLast().order());
        vm.sortProperty().set(RoomsViewModel.Sort.ALERTS);
        assertEquals("maison/cuisine", keys().getFirst(), "the room in alarm comes first");
        vm.hide("maison/chambre");
        assertEquals(1, vm.hiddenCount());
        assertEquals(List.of("maison/chambre"), saved.getLast().hidden());
        assertTrue(!keys().contains("maison/chambre"));
        vm.showAll();
        assertEquals(0, vm.hiddenCount());
        vm.chartWindowProperty().set(ChartWindow.DAY);
        assertEquals("DAY", saved.getLast().chartWindow());
    }

    @Test
    void rulesAreCheckedBeforeTheyApply() {
        assertEquals(Optional.of("the pattern needs a {room} level: {site}/{measure}"), vm.applyMappingRules("{site}/{measure}"));
        assertTrue(saved.isEmpty(), "a bad rule changes nothing");
        assertEquals(Optional.empty(), vm.applyMappingRules("# a comment\nzigbee2mqtt/{room} | $\n"));
        assertEquals(List.of("zigbee2mqtt/{room} | $"), saved.getLast().mappingRules());
        feed.accept(message("zigbee2mqtt/bureau", "{\"temperature\":20.5,\"humidity\":41}"));
        pulse();
        assertEquals(2, vm.visibleRooms().getFirst().measures().size());
        assertTrue(vm.applyAlertRules("co2: above lots").orElseThrow().startsWith("line 1:"));
        assertEquals(Optional.empty(), vm.applyAlertRules("temperature: above 20"));
        feed.accept(message("zigbee2mqtt/bureau", "{\"temperature\":20.6,\"humidity\":41}"));
        pulse();
        assertEquals(1, vm.alertLog().size());
    }

    @Test
    void theAlertLogExportsAsCsv(@TempDir Path dir) throws Exception {
        vm.applyAlertRules("temperature: above 25 hyst 1");
        feed.accept(message("maison/salon/temperature", "26,5"));
        feed.accept(message("maison/salon/temperature", "23"));
        pulse();
        Path file = dir.resolve("alerts.csv");
        vm.exportAlerts(file).get();
        List<String> lines = Files.readAllLines(file);
        assertEquals(AlertLogCsv.HEADER, lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).matches(".*,maison/salon,temperature,fired,26.5,°C,> 25 \\(±1\\),value"), lines.get(1));
        assertTrue(lines.get(2).contains(",cleared,23,"), lines.get(2));
    }

    private void pulse() {
        feed.refresh();
        frame += 1_000_000_000L;
        vm.onFrame(new Frame(frame, null, null, null, Map.of()));
    }

    private List<String> keys() {
        return vm.visibleRooms().stream().map(RoomSnapshots.Room::key).toList();
    }

    private static Message message(String topic, String payload) {
        return new Message(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false, MessageProperties.NONE,
                System.currentTimeMillis(), System.nanoTime());
    }
}
