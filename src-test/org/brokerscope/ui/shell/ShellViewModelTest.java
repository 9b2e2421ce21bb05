package org.brokerscope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.brokerscope.AppStatus;
import org.brokerscope.ingest.IngestStats;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;
import org.junit.jupiter.api.Test;

/** The status bar's backlog text: what the app dropped, what waits, how far behind the broker, what it skipped. */
class ShellViewModelTest {

    @Test
    void aLagUnderASecondIsNormalDeliveryAndNotShown() {
        ShellViewModel model = model("en");
        model.onFrame(frame(stats(400, 0)));
        assertEquals("Dropped 0 · behind 0", model.backlogProperty().get());
        assertFalse(model.losingProperty().get());
    }

    @Test
    void lagAndSkippedAreSaidAndMarkTheCounterAsLosing() {
        ShellViewModel model = model("en");
        model.onFrame(frame(stats(14_500, 140_329)));
        assertEquals("Dropped 0 · behind 0 · 14 s behind the broker · skipped ≈140,329 to catch up",
                model.backlogProperty().get());
        assertTrue(model.losingProperty().get());
    }

    @Test
    void aFewSecondsBehindAloneAlreadyShowsAsLosing() {
        ShellViewModel model = model("en");
        model.onFrame(frame(stats(3_200, 0)));
        assertEquals("Dropped 0 · behind 0 · 3 s behind the broker", model.backlogProperty().get());
        assertTrue(model.losingProperty().get());
    }

    @Test
    void frenchSaysItToo() {
        ShellViewModel model = model("fr");
        model.onFrame(frame(stats(14_500, 140_329)));
        String text = model.backlogProperty().get();
        assertTrue(text.contains("14 s de retard sur le broker") && text.contains("sautés pour rattraper le retard"), text);
    }

    @Test
    void whatTheBrokerDroppedIsSaidAsTheBrokersFigure() {
        ShellViewModel en = model("en");
        ShellViewModel fr = model("fr");
        IngestStats brokerDropped = new IngestStats(1_000, 1_000, 0, 0, 0, 10, 300, 0, 263_205);

        en.onFrame(frame(brokerDropped));
        fr.onFrame(frame(brokerDropped));

        assertEquals("Dropped 0 · behind 0 · broker dropped 263,205", en.backlogProperty().get());
        assertTrue(en.losingProperty().get(), "messages lost upstream are shown like the app's own");
        assertTrue(fr.backlogProperty().get().contains("supprimés par le broker : 263"), fr.backlogProperty().get());
    }

    private static ShellViewModel model(String language) {
        return new ShellViewModel(I18n.forLanguage(language), l -> { });
    }

    private static IngestStats stats(long lagMillis, long skipped) {
        return new IngestStats(1_000, 1_000, 0, 0, 0, 10, lagMillis, skipped, 0);
    }

    private static Frame frame(IngestStats stats) {
        return new Frame(1_000_000_000L, AppStatus.IDLE, ConnectionState.CONNECTED, stats, Map.of());
    }
}
