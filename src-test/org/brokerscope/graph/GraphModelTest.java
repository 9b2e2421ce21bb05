package org.brokerscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brokerscope.broker.BrokerEvent;
import org.junit.jupiter.api.Test;

/** The graph's model and layout, without a toolkit: what becomes a node, an edge, a dot, and where. */
class GraphModelTest {
    private static final long FRAME = 16_666_667L;

    private static GraphModel embedded() {
        return new GraphModel("Broker", true, id -> new ClientVertex(id, ClientVertex.Kind.OTHER, id), new Particles(40, 900));
    }

    @Test
    void aPublishMakesTheClientTheTopicLevelsAnEdgeAndDotsToEachSubscriber() {
        GraphModel model = embedded();
        model.applyEvents(List.of(
                new BrokerEvent.Connected("sub", "127.0.0.1", "5"),
                new BrokerEvent.Subscribed("sub", "maison/+/temperature", 1),
                new BrokerEvent.Connected("other", "127.0.0.1", "3.1.1"),
                new BrokerEvent.Subscribed("other", "jardin/#", 0),
                new BrokerEvent.Connected("pub", "10.0.0.7", "5"),
                new BrokerEvent.Published("pub", "maison/salon/temperature", 4)), 1_000);
        model.step(1_000);

        TopicVertex topic = model.topic("maison/salon/temperature");
        assertNotNull(topic);
        assertEquals("maison/salon", topic.parent().path());
        assertEquals("maison", topic.parent().parent().path());
        assertTrue(topic.parent().parent().parent().isBroker());
        ClientVertex pub = model.client("pub");
        assertTrue(topic.publishers().contains(pub), "publisher edge");
        assertTrue(pub.publishedTo().contains(topic));
        assertEquals("10.0.0.7", pub.address());
        assertEquals(1, pub.messagesIn());
        List<Particles.Particle> dots = model.particles().alive();
        assertEquals(2, dots.size(), dots::toString);
        assertEquals(pub, dots.get(0).from());
        assertEquals(topic, dots.get(0).to());
        assertEquals(topic, dots.get(1).from());
        assertEquals(model.client("sub"), dots.get(1).to(), "the matching subscriber, not 'other'");
    }

    @Test
    void aDisconnectedClientIsGreyedThenForgotten() {
        GraphModel model = embedded();
        model.applyEvents(List.of(new BrokerEvent.Connected("c", "127.0.0.1", "5"),
                new BrokerEvent.Published("c", "a/b", 1)), 1);
        model.applyEvents(List.of(new BrokerEvent.Disconnected("c")), 2);
        model.step(2);
        assertFalse(model.client("c").connected());
        model.step(2 + ClientGraph.GREY_NANOS + 1);
        assertNull(model.client("c"));
        assertTrue(model.topic("a/b").publishers().isEmpty(), "no edge left to a forgotten client");
    }

    @Test
    void aClientRefusedAtAuthenticationIsNoNode() {
        GraphModel model = embedded();
        model.applyEvents(List.of(new BrokerEvent.Disconnected("stranger")), 1);
        model.step(1);
        assertNull(model.client("stranger"));
        assertTrue(model.clients().isEmpty());
    }

    @Test
    void addingATopicMovesNoExistingNodeFarAndTheStepsGlide() {
        GraphModel model = embedded();
        for (int room = 0; room < 10; room++) {
            for (String m : List.of("temperature", "humidity", "co2")) {
                model.applyTopic("maison/room" + room + "/" + m, 1, 0);
            }
        }
        settle(model);
        Map<String, double[]> before = positions(model);
        model.applyTopic("maison/room4/light", 1, 0);
        long t = settle(model);
        double maxMove = 0;
        for (TopicVertex v : model.topics()) {
            double[] p = before.get(v.path());
            if (p != null) {
                maxMove = Math.max(maxMove, Math.hypot(v.x() - p[0], v.y() - p[1]));
            }
        }
        assertTrue(maxMove < 0.12 * model.outerRadius(), "moved " + maxMove + " of radius " + model.outerRadius());
        // One frame later nothing has moved by more than a fraction of that: it glides, it does not jump.
        Map<String, double[]> beforeStep = positions(model);
        model.applyTopic("maison/room7/light", 1, t);
        model.step(t + FRAME);
        for (TopicVertex v : model.topics()) {
            double[] p = beforeStep.get(v.path());
            if (p != null) {
                assertTrue(Math.hypot(v.x() - p[0], v.y() - p[1]) < 0.05 * model.outerRadius(), v.path());
            }
        }
    }

    @Test
    void aPinnedNodeStaysWhereItWasDropped() {
        GraphModel model = embedded();
        model.applyTopic("a/b", 1, 0);
        settle(model);
        TopicVertex a = model.topic("a");
        a.pinAt(500, -300);
        model.applyTopic("a/c", 1, 0);
        model.applyTopic("z/y", 1, 0);
        settle(model);
        assertEquals(500, a.x(), 1e-9);
        assertEquals(-300, a.y(), 1e-9);
    }

    @Test
    void theFilterKeepsTheSubtreeAndItsAncestors() {
        GraphModel model = embedded();
        model.applyEvents(List.of(new BrokerEvent.Connected("s", "127.0.0.1", "5"),
                new BrokerEvent.Published("s", "maison/salon/temperature", 1),
                new BrokerEvent.Connected("k", "127.0.0.1", "5"),
                new BrokerEvent.Published("k", "maison/cuisine/temperature", 1)), 0);
        model.filter("maison/salon/#");
        model.step(0);
        assertTrue(model.topic("maison").visible());
        assertTrue(model.topic("maison/salon/temperature").visible());
        assertFalse(model.topic("maison/cuisine").visible());
        assertTrue(model.client("s").visible());
        assertFalse(model.client("k").visible());
    }

    @Test
    void highRatesAreSampledAndTheShareShownIsKnown() {
        GraphModel model = embedded();
        List<BrokerEvent> burst = new ArrayList<>();
        burst.add(new BrokerEvent.Connected("p", "127.0.0.1", "5"));
        for (int i = 0; i < 400; i++) {
            burst.add(new BrokerEvent.Published("p", "t/" + (i % 20), 1));
        }
        model.applyEvents(burst, 0);
        assertEquals(40, model.particles().alive().size());
        assertEquals(0.1, model.particles().shownShare(), 1e-9);
        assertEquals(400, model.client("p").messagesIn(), "counts are exact even when dots are sampled");
    }

    @Test
    void anExternalBrokerShowsOnlyThisAppAsAClientAndNoPublisherEdges() {
        GraphModel model = GraphModel.external("Broker", new ClientVertex("me", ClientVertex.Kind.THIS_APP, "me"),
                new Particles(40, 900));
        model.applyTopic("maison/salon/temperature", 3, 0);
        model.applyTopic("maison/salon/temperature", 5, FRAME);
        model.step(FRAME);
        assertEquals(1, model.clients().size());
        assertTrue(model.topic("maison/salon/temperature").publishers().isEmpty());
        assertTrue(model.particles().alive().stream().allMatch(p -> p.to() == model.client("me")));
    }

    private static long settle(GraphModel model) {
        long t = 1;
        for (int i = 0; i < 600; i++) {
            t += FRAME;
            model.step(t);
        }
        return t;
    }

    private static Map<String, double[]> positions(GraphModel model) {
        Map<String, double[]> out = new HashMap<>();
        for (TopicVertex v : model.topics()) {
            out.put(v.path(), new double[] {v.x(), v.y()});
        }
        return out;
    }

    @Test
    void whileNobodyWatchesNoDotsFlyNoLayoutRunsAndHeatStillCools() {
        GraphModel model = embedded();
        model.applyEvents(List.of(new BrokerEvent.Connected("pub", "127.0.0.1", "5"),
                new BrokerEvent.Connected("sub", "127.0.0.1", "5"),
                new BrokerEvent.Subscribed("sub", "#", 0)), FRAME);
        model.step(FRAME);
        long revision = model.revision();
        long now = 2 * FRAME;
        model.idle(now);
        model.applyEvents(List.of(new BrokerEvent.Published("pub", "maison/salon/temperature", 4)), now);
        model.applyTopic("maison/salon/temperature", 5, now);
        assertTrue(model.particles().alive().isEmpty(), "no dots for a hidden graph");
        assertEquals(1, model.particles().shownShare(), "hidden messages are not counted as sampled out");
        assertEquals(revision, model.revision(), "no layout while hidden");
        TopicVertex topic = model.topic("maison/salon/temperature");
        double hot = topic.heat();
        assertTrue(hot > 0);
        model.idle(now + 3_000_000_000L);
        assertTrue(topic.heat() < hot / 4, "cooled over three seconds hidden: " + topic.heat());

        long back = now + 3_000_000_000L + FRAME;
        model.step(back);
        assertTrue(model.revision() > revision, "laid out again once shown");
        model.applyEvents(List.of(new BrokerEvent.Published("pub", "maison/salon/temperature", 4)), back);
        assertFalse(model.particles().alive().isEmpty(), "dots fly again once shown");
    }
}
