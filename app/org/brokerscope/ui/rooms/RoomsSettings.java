package org.brokerscope.ui.rooms;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The dashboard's arrangement and options, kept in {@code rooms.json} in the config folder.
 *
 * @param sort              {@code CUSTOM}, {@code NAME} or {@code ALERTS}
 * @param order             room keys in the user's order (for {@code CUSTOM})
 * @param hidden            room keys the user hid
 * @param chartWindow       {@code MINUTE}, {@code TEN_MINUTES}, {@code HOUR} or {@code DAY}
 * @param aggregatePeriodSeconds how often aggregates are republished
 * @param alertTopic        where alerts are published as JSON; "" for nowhere
 * @param mappingRules      one rule a line, see {@code MappingRule.parseLine}
 * @param alertRules        the alert rules editor's text, see {@code AlertRules.parse}
 * @param aggregateAsGroup  aggregate as a member of the {@code $share/brokerscope} group (MQTT 5), see
 *                          {@code GroupAggregator}; absent in older files, so false
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoomsSettings(String sort, List<String> order, List<String> hidden, String chartWindow,
                            boolean publishAggregates, int aggregatePeriodSeconds, String alertTopic,
                            List<String> mappingRules, String alertRules, boolean aggregateAsGroup) {

    public RoomsSettings {
        sort = sort == null ? "CUSTOM" : sort;
        order = order == null ? List.of() : List.copyOf(order);
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
        chartWindow = chartWindow == null ? "TEN_MINUTES" : chartWindow;
        aggregatePeriodSeconds = aggregatePeriodSeconds <= 0 ? 10 : aggregatePeriodSeconds;
        alertTopic = alertTopic == null ? "" : alertTopic;
        mappingRules = mappingRules == null ? List.of() : List.copyOf(mappingRules);
        alertRules = alertRules == null ? "" : alertRules;
    }

    public RoomsSettings withArrangement(String newSort, List<String> newOrder, List<String> newHidden) {
        return new RoomsSettings(newSort, newOrder, newHidden, chartWindow, publishAggregates, aggregatePeriodSeconds,
                alertTopic, mappingRules, alertRules, aggregateAsGroup);
    }

    public RoomsSettings withChartWindow(String window) {
        return new RoomsSettings(sort, order, hidden, window, publishAggregates, aggregatePeriodSeconds, alertTopic,
                mappingRules, alertRules, aggregateAsGroup);
    }

    public RoomsSettings withPublishing(boolean aggregates, int periodSeconds, String topic) {
        return new RoomsSettings(sort, order, hidden, chartWindow, aggregates, periodSeconds, topic, mappingRules, alertRules,
                aggregateAsGroup);
    }

    public RoomsSettings withGroup(boolean asGroupMember) {
        return new RoomsSettings(sort, order, hidden, chartWindow, publishAggregates, aggregatePeriodSeconds, alertTopic,
                mappingRules, alertRules, asGroupMember);
    }

    public RoomsSettings withRules(List<String> newMappingRules, String newAlertRules) {
        return new RoomsSettings(sort, order, hidden, chartWindow, publishAggregates, aggregatePeriodSeconds, alertTopic,
                newMappingRules, newAlertRules, aggregateAsGroup);
    }

    public static RoomsSettings defaults() {
        return new RoomsSettings("CUSTOM", List.of(), List.of(), "TEN_MINUTES", false, 10, "", List.of(), "", false);
    }
}
