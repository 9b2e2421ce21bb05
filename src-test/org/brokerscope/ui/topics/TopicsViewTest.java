package org.brokerscope.ui.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.brokerscope.domain.Message;
import org.brokerscope.mqtt.ConnectionSettings;
import org.brokerscope.mqtt.PahoV5Connection;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Topics view driven with the mouse and keyboard against Mosquitto: search, MQTT filter, payload
 * views, history diff, context menu, keyboard, delete-retained, MQTT 5 details and subscriptions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicsViewTest extends TopicsWindowTestBase {

    @Test
    @Order(1)
    void theTreeShowsLevelsWithSubtreeTotals() throws Exception {
        awaitFx(() -> screen.model().select("maison/salon/temperature"));
        awaitFx(() -> robot.lookup("salon").tryQuery().isPresent() && robot.lookup("21.5").tryQuery().isPresent());
        TreeItem<TopicItem> maison = onFx(() -> screen.model().shownRootProperty().get().getChildren().stream()
                .filter(i -> i.getValue().name().equals("maison")).findFirst().orElseThrow());
        awaitFx(() -> maison.getValue().state() != null && maison.getValue().state().subtreeMessageCount() == 3);
        assertEquals(3, maison.getValue().state().subtreeTopicCount());
    }

    @Test
    @Order(2)
    void searchByTextThenByMqttFilter() throws Exception {
        robot.clickOn("#searchField").write("cuisine");
        awaitFx(() -> label("#searchStatus").equals("3 topics match (text)"));
        // maison/cuisine itself, and its two topics; salon and jardin are gone.
        assertFalse(robot.lookup("salon").tryQuery().isPresent());
        assertTrue(robot.lookup("humidity").tryQuery().isPresent());

        robot.doubleClickOn("#searchField").eraseText(10).write("maison/+/temperature");
        awaitFx(() -> label("#searchStatus").equals("2 topics match (MQTT filter)"));
        assertTrue(robot.lookup("salon").tryQuery().isPresent());
        assertFalse(robot.lookup("humidity").tryQuery().isPresent());
        assertFalse(robot.lookup("jardin").tryQuery().isPresent());

        robot.clickOn("#searchField").eraseText(30);
        awaitFx(() -> label("#searchStatus").isEmpty() && robot.lookup("jardin").tryQuery().isPresent());
    }

    @Test
    @Order(3)
    void jsonIsATreeAndCanBeSwitchedToHex() throws Exception {
        publish("dev/json", "{\"temp\": 21.5, \"room\": {\"name\": \"salon\"}}", false);
        selectWhenKnown("dev/json");
        awaitFx(() -> screen.model().inspector().modeProperty().get() == PayloadMode.JSON);
        TreeView<?> json = robot.lookup("#jsonTree").queryAs(TreeView.class);
        awaitFx(() -> json.getRoot() != null && json.getRoot().getChildren().size() == 2);
        assertTrue(lines().contains("  \"temp\" : 21.5,"), String.valueOf(lines()));

        robot.clickOn(".mode-hex");
        awaitFx(() -> !lines().isEmpty() && lines().get(0).startsWith("00000000  7B 22 74 65"));
    }

    @Test
    @Order(4)
    void invalidUtf8IsShownVisiblyAndBinaryDefaultsToHex() throws Exception {
        publish("dev/bin", new byte[] {'o', 'k', (byte) 0xFF, 0x00, 0x01}, false);
        selectWhenKnown("dev/bin");
        awaitFx(() -> screen.model().inspector().modeProperty().get() == PayloadMode.HEX);
        robot.clickOn(".mode-text");
        awaitFx(() -> label("#noteLabel").contains("1 bytes are not UTF-8") && lines().get(0).startsWith("ok\\xFF"));
    }

    @Test
    @Order(5)
    void pngPayloadsAreShownAsImages() throws Exception {
        publish("dev/png", png(), false);
        selectWhenKnown("dev/png");
        awaitFx(() -> screen.model().inspector().modeProperty().get() == PayloadMode.IMAGE);
        ImageView image = robot.lookup("#imageView").queryAs(ImageView.class);
        awaitFx(() -> image.getImage() != null && image.getImage().getWidth() == 40 && !image.getImage().isError());
    }

    @Test
    @Order(6)
    void aSixteenMegabytePayloadStatesItsCapAndShowsAllOnDemand() throws Exception {
        byte[] big = "0123456789abcdef\n".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
        publish("dev/big", big, false);
        selectWhenKnown("dev/big");
        awaitFx(() -> label("#noteLabel").equals("Showing the first 256.0 KiB of 16.2 MiB"));
        assertEquals("16.2 MiB", label("#sizeBadge"));
        robot.clickOn("#showAllButton");
        awaitFx(() -> label("#noteLabel").isEmpty() && lines().size() == 1_000_001);
    }

    @Test
    @Order(7)
    void jsonNestedTenThousandDeepIsShownAsTextWithTheReason() throws Exception {
        publish("dev/deep", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8), false);
        selectWhenKnown("dev/deep");
        awaitFx(() -> screen.model().inspector().modeProperty().get() == PayloadMode.TEXT);
        robot.clickOn(".mode-json");
        awaitFx(() -> label("#noteLabel").startsWith("Not JSON (") && label("#noteLabel").contains("1000"));
    }

    @Test
    @Order(8)
    void twoHistoryEntriesAreDiffedStructurallyForJson() throws Exception {
        publish("dev/hist", "{\"temp\": 20, \"unit\": \"C\"}", false);
        publish("dev/hist", "{\"temp\": 21, \"unit\": \"C\"}", false);
        selectWhenKnown("dev/hist");
        robot.clickOn("History");
        ListView<?> history = robot.lookup("#historyList").queryAs(ListView.class);
        awaitFx(() -> history.getItems().size() == 2);
        robot.clickOn(historyCell(0));
        robot.press(KeyCode.CONTROL).clickOn(historyCell(1)).release(KeyCode.CONTROL);
        awaitFx(() -> diffTexts().equals(List.of("- /temp: 20", "+ /temp: 21")));
        assertEquals("Structural JSON diff: 2 changes", label("#diffNote"));
        robot.clickOn("Payload");
    }

    @Test
    @Order(9)
    void textHistoryIsDiffedLineByLine() throws Exception {
        publish("dev/text", "alpha\nbeta", false);
        publish("dev/text", "alpha\ngamma", false);
        selectWhenKnown("dev/text");
        awaitFx(() -> screen.model().inspector().history().size() == 2);
        List<Message> entries = onFx(() -> List.copyOf(screen.model().inspector().history()));
        robot.clickOn("History");
        runFx(() -> screen.model().inspector().compare(entries.get(1), entries.get(0)));
        awaitFx(() -> diffTexts().equals(List.of("  alpha", "- beta", "+ gamma")));
        assertEquals("Line diff: 2 lines differ", label("#diffNote"));
        robot.clickOn("Payload");
    }

    @Test
    @Order(10)
    void contextMenuPublishesChartsAndCopies() throws Exception {
        selectWhenKnown("maison/salon/temperature");
        robot.rightClickOn(row("maison/salon/temperature"));
        robot.clickOn("Publish to this topic…");
        awaitFx(() -> publishRequests.contains("maison/salon/temperature"));

        robot.rightClickOn(row("maison/salon/temperature"));
        robot.clickOn("Chart this topic");
        awaitFx(() -> screen.model().chart().series().size() == 1 && screen.model().chart().series().get(0).size() >= 1);

        // A JSON topic is charted by its first numeric field; both series share the chart.
        runFx(() -> screen.model().chart("dev/json"));
        awaitFx(() -> screen.model().chart().series().size() == 2
                && screen.model().chart().series().get(1).label().equals("dev/json /temp")
                && screen.model().chart().series().get(1).valueAt(0) == 21.5);
        // The chart tab came forward and its legend names both series.
        awaitFx(() -> robot.lookup("#legend").queryAs(javafx.scene.layout.FlowPane.class).getChildren().size() == 2
                && robot.lookup("#canvasHolder").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));

        Path csv = folder.resolve("chart.csv");
        screen.model().chart().exportCsv(csv);
        assertTrue(Files.readString(csv).contains("\"maison/salon/temperature\","), Files.readString(csv));
        assertTrue(Files.readString(csv).contains("\"dev/json /temp\",") && Files.readString(csv).contains(",21.5\n"),
                Files.readString(csv));

        robot.rightClickOn(row("maison/salon/temperature"));
        robot.clickOn("Copy topic");
        assertEquals("maison/salon/temperature", onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
    }

    @Test
    @Order(11)
    void arrowsCollapseAndExpandALevel() throws Exception {
        selectWhenKnown("maison/cuisine");
        TreeTableView<?> tree = robot.lookup("#tree").queryAs(TreeTableView.class);
        TreeItem<TopicItem> cuisine = onFx(() -> screen.model().selectedProperty().get());
        robot.clickOn(row("maison/cuisine"));
        robot.type(KeyCode.LEFT);
        awaitFx(() -> !cuisine.isExpanded());
        robot.type(KeyCode.RIGHT);
        awaitFx(() -> cuisine.isExpanded() && tree.getExpandedItemCount() > 0);
    }

    @Test
    @Order(12)
    void deleteRetainedOnASubtreeAsksWithTheCountThenDeletes() throws Exception {
        publish("ret/a/x", "1", true);
        publish("ret/a/y", "2", true);
        publish("ret/b", "3", true);
        awaitFx(() -> screen.model().select("ret/a/y") && screen.model().selectedProperty().get().getValue().state().holdsRetained());
        selectWhenKnown("ret/a");
        robot.clickOn(row("ret/a"));
        robot.type(KeyCode.DELETE);
        awaitFx(() -> robot.lookup("Delete 2 retained messages at or below ret/a?").tryQuery().isPresent());
        robot.clickOn("OK");
        awaitFx(() -> label("#noticeLabel").equals("Deleted 2 retained messages."));

        // A new subscriber gets every retained message right after subscribing: only ret/b is left.
        List<Message> got = new CopyOnWriteArrayList<>();
        try (PahoV5Connection fresh = new PahoV5Connection(ConnectionSettings.of(mosquitto.tcpUri(), "view-fresh"), got::add)) {
            fresh.connect().get(WAIT_S, TimeUnit.SECONDS);
            publish("ret/zz-marker", "m", true);
            fresh.subscribe("ret/#", 1).get(WAIT_S, TimeUnit.SECONDS);
            awaitFx(() -> got.stream().anyMatch(m -> m.topic().equals("ret/zz-marker")));
        }
        assertEquals(List.of("ret/b", "ret/zz-marker"), got.stream().filter(Message::retained).map(Message::topic).sorted().toList());
    }

    @Test
    @Order(13)
    void everyMqtt5PropertyIsListedInTheDetails() throws Exception {
        org.eclipse.paho.mqttv5.client.MqttAsyncClient raw = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(
                mosquitto.tcpUri(), "view-props", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        raw.connect().waitForCompletion(WAIT_S * 1_000);
        org.eclipse.paho.mqttv5.common.MqttMessage message = new org.eclipse.paho.mqttv5.common.MqttMessage(
                "{\"on\": true}".getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        org.eclipse.paho.mqttv5.common.packet.MqttProperties props = new org.eclipse.paho.mqttv5.common.packet.MqttProperties();
        props.setContentType("application/json");
        props.setResponseTopic("dev/reply");
        props.setCorrelationData("req-42".getBytes(StandardCharsets.UTF_8));
        props.setMessageExpiryInterval(300L);
        props.setPayloadFormat(true);
        props.setUserProperties(List.of(new org.eclipse.paho.mqttv5.common.packet.UserProperty("room", "salon"),
                new org.eclipse.paho.mqttv5.common.packet.UserProperty("room", "cuisine")));
        message.setProperties(props);
        raw.publish("dev/props", message).waitForCompletion(WAIT_S * 1_000);
        raw.disconnect().waitForCompletion(WAIT_S * 1_000);
        raw.close();

        selectWhenKnown("dev/props");
        robot.clickOn("Details");
        awaitFx(() -> detailsNow().contains("Content type=application/json"));
        List<String> rows = details();
        assertTrue(rows.contains("Response topic=dev/reply"), rows.toString());
        assertTrue(rows.contains("Correlation data=req-42  (7265712d3432)"), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("Message expiry interval=")), rows.toString());
        assertTrue(rows.contains("Payload format indicator=1 (UTF-8)"), rows.toString());
        assertTrue(rows.contains("User property room=salon") && rows.contains("User property room=cuisine"), rows.toString());
        // Published at QoS 1, delivered at 0: the monitor's subscription is QoS 0, as in the app.
        assertTrue(rows.contains("QoS=0") && rows.contains("Retained=no") && rows.contains("Size=12 bytes"), rows.toString());
        robot.clickOn("Payload");
    }

    @Test
    @Order(14)
    void subscriptionsAreAddedWithOptionsAndRemoved() throws Exception {
        robot.clickOn("Subscriptions");
        robot.clickOn("#filterField").write("extra/#");
        robot.clickOn("#noLocalBox");
        robot.clickOn("Subscribe");
        @SuppressWarnings("unchecked")
        ListView<SubscriptionsViewModel.Row> list = robot.lookup("#list").queryAs(ListView.class);
        awaitFx(() -> list.getItems().stream().anyMatch(r -> r.subscription().filter().equals("extra/#")
                && r.status() == SubscriptionsViewModel.Status.ACTIVE && r.subscription().noLocal()));
        publish("extra/seen", "1", false);
        selectWhenKnown("extra/seen");

        robot.clickOn("#filterField").write("bad/#/filter");
        robot.clickOn("Subscribe");
        awaitFx(() -> label("#problemLabel").equals("# must be the last level, alone: maison/#"));

        runFx(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(r -> r.subscription().filter().equals("extra/#")).findFirst().orElseThrow()));
        robot.clickOn("Unsubscribe");
        awaitFx(() -> list.getItems().stream().noneMatch(r -> r.subscription().filter().equals("extra/#")));
        robot.clickOn("Subscriptions");
    }

    @Test
    @Order(15)
    void aRowOnScreenFollowsNewMessagesToItsTopic() throws Exception {
        publish("compteur/porte", "ouverte", false);
        selectWhenKnown("compteur/porte");
        row("compteur/porte");
        for (int i = 2; i <= 3; i++) {
            publish("compteur/porte", "fois-" + i, false);
            List<String> expected = List.of("fois-" + i, Integer.toString(i));
            awaitFx(() -> cellTexts("compteur/porte").containsAll(expected));
        }
    }

    @Test
    @Order(16)
    void aRowFlashesWhenItsTopicChangesThroughTheTreesLayoutsThenFades() throws Exception {
        publish("compteur/fenetre", "fermee", false);
        selectWhenKnown("compteur/fenetre");
        javafx.scene.control.IndexedCell<?> row = (javafx.scene.control.IndexedCell<?>) row("compteur/fenetre");
        javafx.css.PseudoClass flash = javafx.css.PseudoClass.getPseudoClass("flash");
        awaitFx(() -> !row.getPseudoClassStates().contains(flash));

        publish("compteur/fenetre", "ouverte", false);
        java.util.concurrent.atomic.AtomicBoolean survived = new java.util.concurrent.atomic.AtomicBoolean();
        awaitFx(() -> {
            if (!row.getPseudoClassStates().contains(flash)) {
                return false;
            }
            // What each layout of the tree does to every row on screen; it once put the flash out at
            // once, and the flicker made the whole window repaint (docs/benchmarks.md, session 5).
            row.updateIndex(row.getIndex());
            survived.set(row.getPseudoClassStates().contains(flash));
            return true;
        });
        assertTrue(survived.get(), "a layout put the flash out");
        awaitFx(() -> !row.getPseudoClassStates().contains(flash));
    }

    // The texts of the cells of the row now showing {@code topic}, as on screen.
    private List<String> cellTexts(String topic) {
        return robot.lookup(".tree-table-row-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TreeTableRow<?>) n)
                .filter(r -> r.getItem() instanceof TopicItem item && item.topic().equals(topic))
                .flatMap(r -> robot.from(r).lookup(".tree-table-cell").queryAll().stream())
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).filter(java.util.Objects::nonNull).toList();
    }
}
