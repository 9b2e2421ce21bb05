package org.brokerscope.ui.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The search box's matching and the tree's order, without a window. */
class TopicSearchTest {

    @Test
    void plainTextIsACaseInsensitiveSubstring() {
        TopicSearch.Result r = new TopicSearch("SALON").run(new String[] {"maison/salon/temp", "maison/cuisine/temp", "salon"});
        assertEquals(List.of("maison/salon/temp", "salon"), r.shown());
        assertFalse(r.search().isMqttFilter());
    }

    @Test
    void wildcardsMakeAnMqttFilterAndABrokenOneIsSaidToBeText() {
        String[] topics = {"maison/salon/temperature", "maison/salon/humidity", "maison/cuisine/temperature", "$SYS/x/temperature"};
        TopicSearch.Result r = new TopicSearch("+/+/temperature").run(topics);
        assertTrue(r.search().isMqttFilter());
        assertEquals(List.of("maison/cuisine/temperature", "maison/salon/temperature"), r.shown(), "+ does not match $SYS");
        TopicSearch broken = new TopicSearch("maison/sal+");
        assertFalse(broken.isMqttFilter());
        assertTrue(broken.looksLikeBadFilter());
    }

    @Test
    void aHundredThousandTopicsAreCountedButOnlyTheFirstFewThousandShown() {
        String[] topics = IntStream.range(0, 100_000).mapToObj(i -> "site/" + (i % 10) + "/sensor-" + i).toArray(String[]::new);
        TopicSearch.Result r = new TopicSearch("site/#").run(topics);
        assertEquals(100_000, r.total());
        assertEquals(TopicSearch.MAX_SHOWN, r.shown().size());
        assertEquals("site/0/sensor-0", r.shown().get(0));
        assertEquals("site/0/sensor-10", r.shown().get(1), "natural order: 10 after 0, before 20");
    }

    @Test
    void naturalOrderCountsLikePeople() {
        List<String> names = new ArrayList<>(List.of("sensor-10", "sensor-2", "sensor-1", "b", "a10", "a9", "sensor-02"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("a9", "a10", "b", "sensor-1", "sensor-02", "sensor-2", "sensor-10"), names);
    }
}
