package org.brokerscope.domain.rooms;

import java.util.Optional;

/**
 * What a measure is: its canonical id ({@code temperature} for "temp" or "température"), its unit, a
 * sensible gauge range, how many decimals to show, and its default alert rule.
 *
 * @param known false for a measure recognised by no name, which still gets a generic tile
 */
public record MeasureKind(String id, String unit, double gaugeMin, double gaugeMax, int decimals,
                          Optional<AlertRule> defaultRule, boolean known) {
}
