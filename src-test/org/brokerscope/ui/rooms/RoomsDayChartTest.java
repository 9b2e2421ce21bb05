package org.brokerscope.ui.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.brokerscope.domain.Message;
import org.brokerscope.domain.MessageProperties;
import org.brokerscope.domain.rooms.RoomsModel;
import org.brokerscope.ingest.rooms.RoomsFeed;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.FxmlViews;
import org.brokerscope.ui.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A day of history, fed through the rooms model with past timestamps, drawn in the 24 h window: the
 * chart covers its whole width, decimated to its pixels. Saves target/shot-rooms-24h.png to look at.
 */
class RoomsDayChartTest {
    private static final long DAY = 86_400_000L;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    private Stage stage;

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        if (stage != null) {
            FxToolkit.setupFixture(stage::close);
        }
    }

    @Test
    void aDayOfHistoryFillsThe24HourChart() throws Exception {
        RoomsModel model = new RoomsModel(RoomsModel.Options.defaults());
        long now = System.currentTimeMillis();
        List<String> rooms = List.of("salon", "cuisine", "chambre");
        for (long t = now - DAY + 10_000; t <= now; t += 10_000) {
            double hours = (t - (now - DAY)) / 3_600_000.0;
            for (int r = 0; r < rooms.size(); r++) {
                double temp = 19 + r + 2.5 * Math.sin((hours - 9) / 24 * 2 * Math.PI) + 0.2 * Math.sin(hours * 7);
                double hum = 50 + 5 * r - 8 * Math.sin((hours - 6) / 24 * 2 * Math.PI);
                model.apply(message("maison/" + rooms.get(r) + "/temperature", temp, t));
                model.apply(message("maison/" + rooms.get(r) + "/humidity", hum, t));
            }
        }
        RoomsFeed feed = new RoomsFeed(model, scheduler, Clock.systemUTC(), Optional::empty);
        feed.refresh();
        I18n i18n = I18n.forLanguage("en");
        RoomsSettings settings = new RoomsSettings("NAME", List.of(), List.of(), "DAY", false, 10, "", List.of(), "", false);
        RoomsViewModel viewModel = new RoomsViewModel(feed, i18n, settings, s -> { }, Runnable::run);
        FxToolkit.registerPrimaryStage();
        // Its own stage: the shared primary stage's scene belongs to the app tests.
        FxToolkit.setupFixture(() -> {
            Parent root = FxmlViews.load(new RoomsView(viewModel, i18n), i18n);
            root.getStylesheets().add(0, org.brokerscope.BrokerscopeApp.stylesheet());
            stage = new Stage();
            stage.setScene(new Scene(root, 1180, 700));
            stage.show();
        });
        FxToolkit.setupFixture(() -> viewModel.onFrame(new Frame(System.nanoTime(), null, null, null, Map.of())));
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup(".room-card").queryAll().size() == 3);
        // Cards were laid out after the first frame: a second frame draws them with their real size.
        Thread.sleep(300);
        FxToolkit.setupFixture(() -> viewModel.onFrame(new Frame(System.nanoTime() + 1_000_000_000L, null, null, null, Map.of())));
        WaitForAsyncUtils.waitForFxEvents();

        SeriesChart chart = robot.lookup(".room-chart").queryAs(SeriesChart.class);
        Image chartImage = WaitForAsyncUtils.asyncFx(() -> chart.snapshot(null, null)).get();
        int width = (int) chartImage.getWidth();
        int drawn = 0;
        for (int x = 0; x < width; x++) {
            if (hasInk(chartImage.getPixelReader(), x, (int) chartImage.getHeight())) {
                drawn++;
            }
        }
        assertTrue(drawn > width * 0.9, "the day covers the chart: " + drawn + " of " + width + " columns drawn");
        assertEquals(8_640, feed.snapshot().rooms().getFirst().measures().getFirst().day().bucketCount());
        Image window = WaitForAsyncUtils.asyncFx(() -> chart.getScene().getRoot().snapshot(null, null)).get();
        save(window, Path.of("target", "shot-rooms-24h.png"));
    }

    // A column is drawn when it has a line pixel: coloured, not the white or grey background.
    private static boolean hasInk(PixelReader pixels, int x, int height) {
        for (int y = 14; y < height - 14; y++) {
            javafx.scene.paint.Color c = pixels.getColor(x, y);
            if (c.getSaturation() > 0.35 && c.getOpacity() > 0.5) {
                return true;
            }
        }
        return false;
    }

    private static Message message(String topic, double value, long at) {
        return new Message(topic, String.format(java.util.Locale.ROOT, "%.2f", value).getBytes(StandardCharsets.UTF_8), 0, false,
                MessageProperties.NONE, at, 0);
    }

    private static void save(Image image, Path file) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
    }
}
