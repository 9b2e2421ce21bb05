package org.brokerscope.ui.topics;


import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeTableView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.brokerscope.AppStatus;
import org.brokerscope.ingest.IngestPipeline;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.brokerscope.testing.MosquittoBroker;
import org.brokerscope.ui.Frame;
import org.brokerscope.ui.I18n;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Topics view in a real window of its own, fed by a real Mosquitto through the real ingest pipeline
 * and a frame pump like the app's; and the helpers its tests drive it with.
 */
abstract class TopicsWindowTestBase {
    protected static final long WAIT_S = 20;
    protected static MosquittoBroker mosquitto;
    protected static IngestPipeline pipeline;
    protected static PahoV5Connection monitor;
    protected static PahoV5Connection publisher;
    protected static ExecutorService background;
    protected static TopicsScreen screen;
    protected static AnimationTimer pump;
    protected static javafx.stage.Stage stage;
    protected static final List<String> publishRequests = new CopyOnWriteArrayList<>();
    protected final FxRobot robot = new FxRobot();

    @TempDir
    static Path folder;

    @BeforeAll
    static void openView() throws Exception {
        mosquitto = MosquittoBroker.start();
        pipeline = IngestPipeline.withDefaults().start();
        monitor = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "view-monitor"), pipeline);
        monitor.connect().get(WAIT_S, TimeUnit.SECONDS);
        monitor.subscribe(SubscriptionsViewModel.watching("#")).get(WAIT_S, TimeUnit.SECONDS);
        publisher = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "view-publisher"), m -> { });
        publisher.connect().get(WAIT_S, TimeUnit.SECONDS);
        background = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon(true).factory());
        I18n i18n = I18n.forLanguage("en");
        TopicsViewModel model = new TopicsViewModel(i18n, pipeline, () -> Optional.<BrokerConnection>of(monitor),
                background, publishRequests::add);
        screen = new TopicsScreen(model, new SubscriptionsViewModel(() -> Optional.<BrokerConnection>of(monitor)), i18n);
        FxToolkit.registerPrimaryStage();
        // A stage of its own: the primary stage is shared with other window tests in this JVM.
        FxToolkit.setupFixture(() -> {
            stage = new javafx.stage.Stage();
            Scene scene = new Scene(screen.view(), 1200, 760);
            scene.getStylesheets().add(org.brokerscope.BrokerscopeApp.stylesheet());
            stage.setScene(scene);
            stage.show();
            stage.requestFocus();
            pump = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    screen.onFrame(new Frame(now, AppStatus.IDLE, monitor.state(), pipeline.stats(), pipeline.takeChanges()));
                }
            };
            pump.start();
        });
        publish("maison/salon/temperature", "21.5", false);
        publish("maison/cuisine/temperature", "22.0", false);
        publish("maison/cuisine/humidity", "55", false);
        publish("jardin/arrosage/etat", "on", false);
    }

    @AfterAll
    static void closeEverything() throws Exception {
        FxToolkit.setupFixture(() -> {
            pump.stop();
            stage.close();
        });
        publisher.close();
        monitor.close();
        pipeline.close();
        mosquitto.close();
        background.shutdownNow();
    }

    protected List<String> details() throws Exception {
        return onFx(TopicsWindowTestBase::detailsNow);
    }

    protected static List<String> detailsNow() {
        return screen.model().inspector().metadata().stream().map(d -> d.key() + "=" + d.value()).toList();
    }

    // --- helpers

    protected static void publish(String topic, String payload, boolean retained) throws Exception {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    }

    protected static void publish(String topic, byte[] payload, boolean retained) throws Exception {
        publisher.publish(topic, payload, 1, retained).get(WAIT_S, TimeUnit.SECONDS);
    }

    protected void selectWhenKnown(String topic) throws Exception {
        awaitFx(() -> screen.model().select(topic));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The row showing {@code topic}, once it is laid out inside the tree's viewport. */
    protected javafx.scene.Node row(String topic) throws Exception {
        TreeTableView<?> tree = robot.lookup("#tree").queryAs(TreeTableView.class);
        java.util.concurrent.atomic.AtomicReference<javafx.scene.Node> found = new java.util.concurrent.atomic.AtomicReference<>();
        awaitFx(() -> {
            javafx.geometry.Bounds view = tree.localToScene(tree.getLayoutBounds());
            for (javafx.scene.Node n : robot.lookup(".tree-table-row-cell").queryAll()) {
                javafx.scene.control.TreeTableRow<?> r = (javafx.scene.control.TreeTableRow<?>) n;
                javafx.geometry.Bounds b = r.localToScene(r.getLayoutBounds());
                if (r.isVisible() && r.getItem() instanceof TopicItem item && item.topic().equals(topic)
                        && b.getMinY() >= view.getMinY() + 25 && b.getMaxY() <= view.getMaxY() - 20) {
                    found.set(r);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    protected javafx.scene.Node historyCell(int index) throws Exception {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.Node> found = new java.util.concurrent.atomic.AtomicReference<>();
        awaitFx(() -> robot.lookup("#historyList .list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((javafx.scene.control.ListCell<?>) n).getIndex() == index
                        && ((javafx.scene.control.ListCell<?>) n).getItem() != null)
                .peek(found::set).findFirst().isPresent());
        return found.get();
    }

    @SuppressWarnings("unchecked")
    protected List<String> lines() {
        ListView<String> view = robot.lookup("#linesView").queryAs(ListView.class);
        return view.getItems() == null ? List.of() : view.getItems();
    }

    protected List<String> diffTexts() {
        // Cells on screen, in row order: a lookup returns them in no set order, and spare cells are empty.
        return robot.lookup("#diffList .list-cell").queryAll().stream().map(n -> (javafx.scene.control.ListCell<?>) n)
                .filter(c -> c.isVisible() && !c.isEmpty() && c.getText() != null)
                .sorted(java.util.Comparator.comparingInt(javafx.scene.control.ListCell::getIndex))
                .map(javafx.scene.control.ListCell::getText).toList();
    }

    protected String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    protected static byte[] png() throws Exception {
        WritableImage image = new WritableImage(40, 20);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                image.getPixelWriter().setColor(x, y, x < 20 ? Color.TEAL : Color.ORANGE);
            }
        }
        Path file = Files.createTempFile(folder, "test", ".png");
        PngFiles.write(image, file);
        return Files.readAllBytes(file);
    }

    /** Polls {@code condition} on the FX thread until it holds; generous, the machine is shared. */
    protected static void awaitFx(BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (java.util.concurrent.TimeoutException e) {
            // What the window showed when the wait gave up, to read the failure from.
            Path shot = Path.of("target", "topics-view-failure-" + System.currentTimeMillis() + ".png");
            runFx(() -> {
                try {
                    PngFiles.write(stage.getScene().snapshot(null), shot);
                } catch (java.io.IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
            });
            throw new AssertionError("Not true within " + WAIT_S + " s; window saved as " + shot, e);
        }
    }

    protected static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(WAIT_S, TimeUnit.SECONDS);
    }

    protected static void runFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(WAIT_S, TimeUnit.SECONDS);
    }
}
