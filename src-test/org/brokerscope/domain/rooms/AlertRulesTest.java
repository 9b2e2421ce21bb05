package org.brokerscope.domain.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AlertRulesTest {

    @Test
    void bandWithHysteresisFiresOutsideAndClearsOnlyWellInside() {
        AlertRule band = AlertRule.outside(15, 28, 0.5);
        assertFalse(band.breached(27.9, false));
        assertTrue(band.breached(28.1, false));
        assertTrue(band.breached(27.8, true), "still active within the hysteresis");
        assertFalse(band.breached(27.4, true));
        assertTrue(band.breached(14.9, false));
        assertTrue(band.breached(15.3, true));
        assertFalse(band.breached(15.6, true));
        assertTrue(AlertRule.below(20, 5).breached(24, true));
        assertFalse(AlertRule.below(20, 5).breached(24, false));
    }

    @Test
    void rulesParseFromEditorTextAndRoundTrip() {
        AlertRules rules = AlertRules.parse("""
                # comment
                température: outside 16 26 hyst 0.5 stale
                salon/co2: above 800
                batterie: none stale
                """);
        assertEquals(AlertRule.outside(16, 26, 0.5), rules.byMeasure().get("temperature"));
        assertEquals(new AlertRule(AlertRule.Kind.ABOVE, Double.NaN, 800, 0, false), rules.byRoom().get("salon/co2"));
        assertEquals(AlertRule.staleOnly(), rules.byMeasure().get("battery"));
        assertEquals(rules, AlertRules.parse(rules.toText()));
        assertEquals(AlertRule.above(800, 0).withStale(false), rules.ruleFor("salon", Measures.CO2).orElseThrow());
        assertEquals(Measures.CO2.defaultRule(), rules.ruleFor("cuisine", Measures.CO2));
        assertTrue(rules.ruleFor("x", Measures.recognise("voltage")).isEmpty());
    }

    @Test
    void badRuleLinesNameTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AlertRules.parse("temperature: above 28\nhumidity: outside 70 30"));
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlertRules.parse("co2 above 800"));
        assertThrows(IllegalArgumentException.class, () -> AlertRules.parse("co2: above lots"));
        assertThrows(IllegalArgumentException.class, () -> AlertRules.parse("co2: above 800 900"));
    }
}
