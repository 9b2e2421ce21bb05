package org.brokerscope.domain.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicMapperTest {
    private final TopicMapper defaults = TopicMapper.defaults();

    @Test
    void siteRoomMeasureAtAnyDepth() {
        assertEquals(new TopicMatch("maison", "salon", Optional.of("temperature"), "", ""), defaults.map("maison/salon/temperature").orElseThrow());
        assertEquals(new TopicMatch("lycee/batA/etage2", "salle204", Optional.of("co2"), "", ""),
                defaults.map("lycee/batA/etage2/salle204/co2").orElseThrow());
        assertEquals(new TopicMatch("", "salon", Optional.of("humidité"), "", ""), defaults.map("salon/humidité").orElseThrow());
    }

    @Test
    void aLevelAfterAKnownMeasureIsASensorOfTheSameRoom() {
        TopicMatch a = defaults.map("maison/salon/temperature/s1").orElseThrow();
        TopicMatch b = defaults.map("maison/salon/temperature/s2").orElseThrow();
        assertEquals("salon", a.room());
        assertEquals("s1", a.sensor());
        assertEquals("s2", b.sensor());
        assertEquals(Optional.of("temperature"), b.measure());
    }

    @Test
    void unknownMeasuresNeedThreeLevelsAndAggregatesAreNeverMapped() {
        assertEquals(Optional.of("voltage"), defaults.map("atelier/banc1/voltage").orElseThrow().measure());
        assertTrue(defaults.map("hello").isEmpty());
        assertTrue(defaults.map("room/foo").isEmpty());
        assertTrue(defaults.map("maison/salon/temperature/avg").isEmpty());
        assertTrue(defaults.map("maison/_house/temperature/avg").isEmpty());
        assertTrue(defaults.map("$SYS/broker/load/messages").isEmpty());
        assertTrue(TopicMapper.isAggregate("maison/salon/humidity/count"));
    }

    @Test
    void deviceAvailabilityTopicsAreNotReadings() {
        // Our virtual sensors' birth/Last Will topic, zigbee2mqtt's and Tasmota's equivalents.
        assertTrue(defaults.map("maison/salon/temperature/status").isEmpty());
        assertTrue(defaults.map("zigbee2mqtt/salon/availability").isEmpty());
        assertTrue(defaults.map("tele/salon/LWT").isEmpty());
        assertTrue(defaults.map("maison/salon/temperature/s1").isPresent());
    }

    @Test
    void userRulesComeFirstWithNamedLevels() {
        TopicMapper mapper = new TopicMapper(List.of(MappingRule.parseLine("home/{room}/sensor/{sensor}/{measure}"),
                MappingRule.parseLine("zigbee2mqtt/{room} | $"), MappingRule.parseLine("tele/{room}/SENSOR | AM2301"),
                MappingRule.parseLine("{site}/floor/+/{room}/#| data.{x}")));
        assertEquals(new TopicMatch("", "kitchen", Optional.of("temp"), "dht22", ""),
                mapper.map("home/kitchen/sensor/dht22/temp").orElseThrow());
        assertEquals(new TopicMatch("", "bureau", Optional.empty(), "", "$"), mapper.map("zigbee2mqtt/bureau").orElseThrow());
        assertEquals("AM2301", mapper.map("tele/garage/SENSOR").orElseThrow().jsonPath());
        assertTrue(mapper.rules().get(2).match("tele/garage/STATE").isEmpty(), "a literal level must match");
        assertEquals("maison/salon", key(mapper.map("maison/salon/temperature").orElseThrow()), "then the default layout");
    }

    @Test
    void badRulesSayWhy() {
        assertThrows(IllegalArgumentException.class, () -> MappingRule.parseLine("{site}/{measure}"));
        assertThrows(IllegalArgumentException.class, () -> MappingRule.parseLine("z2m/{room}"));
        assertThrows(IllegalArgumentException.class, () -> MappingRule.parseLine("a/#/{room}/{measure}"));
        assertThrows(IllegalArgumentException.class, () -> MappingRule.parseLine("a/{room/{measure}"));
        MappingRule.EXAMPLES.forEach(MappingRule::parseLine);
    }

    @Test
    void measuresAreRecognisedInEnglishAndFrench() {
        for (String name : List.of("temperature", "Température", "temp", "TEMP")) {
            assertEquals(Measures.TEMPERATURE, Measures.recognise(name), name);
        }
        assertEquals(Measures.HUMIDITY, Measures.recognise("humidité"));
        assertEquals(Measures.PRESSURE, Measures.recognise("pression"));
        assertEquals(Measures.CO2, Measures.recognise("CO2"));
        assertEquals(Measures.LIGHT, Measures.recognise("luminosité"));
        assertEquals(Measures.LIGHT, Measures.recognise("lux"));
        assertEquals(Measures.NOISE, Measures.recognise("bruit"));
        assertEquals(Measures.BATTERY, Measures.recognise("batterie"));
        MeasureKind generic = Measures.recognise("Voltage");
        assertEquals("voltage", generic.id());
        assertTrue(!generic.known() && generic.defaultRule().isEmpty());
    }

    private static String key(TopicMatch m) {
        return m.site() + "/" + m.room();
    }
}
