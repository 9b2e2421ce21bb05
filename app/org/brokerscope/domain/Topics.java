package org.brokerscope.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The MQTT rules for topic names (what a PUBLISH goes to) and topic filters (what a SUBSCRIBE asks for),
 * with a reason a user can act on when a topic breaks them, and filter matching.
 */
public final class Topics {
    /** Topic names and filters are UTF-8 strings with a two-byte length prefix. */
    public static final int MAX_BYTES = 65_535;
    /**
     * The most levels a tree (topic tree, graph) makes for one topic; a deeper topic keeps the rest,
     * slashes and all, as its last level. Each level holds its full topic, so levels cost the square of
     * the depth: 65,535 slashes would be 2 billion characters. Nothing is hidden: the last level shows the rest.
     */
    public static final int MAX_TREE_LEVELS = 256;

    private Topics() {
    }

    /** Why a topic is refused; the UI turns each into a sentence in the user's language. */
    public enum Problem { EMPTY, WILDCARD_IN_NAME, NUL_CHARACTER, TOO_LONG, MISPLACED_MULTI_LEVEL, MISPLACED_SINGLE_LEVEL }

    /** What is wrong with {@code topic} as a name to publish to, if anything. */
    public static Optional<Problem> checkName(String topic) {
        Optional<Problem> common = checkCommon(topic);
        if (common.isPresent()) {
            return common;
        }
        return topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 ? Optional.of(Problem.WILDCARD_IN_NAME) : Optional.empty();
    }

    /** What is wrong with {@code filter} as a subscription filter, if anything. */
    public static Optional<Problem> checkFilter(String filter) {
        Optional<Problem> common = checkCommon(filter);
        if (common.isPresent()) {
            return common;
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return Optional.of(Problem.MISPLACED_MULTI_LEVEL);
            }
            if (level.contains("+") && !level.equals("+")) {
                return Optional.of(Problem.MISPLACED_SINGLE_LEVEL);
            }
        }
        return Optional.empty();
    }

    /**
     * Where each running Brokerscope sends the probe that measures how far behind the broker it is (see
     * {@code ingest.LagProbe}). Not {@code $}-prefixed: HiveMQ disconnects a client that publishes there.
     */
    public static final String LAG_PROBE_PREFIX = "brokerscope/lag/";

    /** A Brokerscope lag probe, its own or another's: app traffic that the views leave out. */
    public static boolean isLagProbe(String topicOrFilter) {
        return topicOrFilter.startsWith(LAG_PROBE_PREFIX);
    }

    /** A topic starting with {@code $} is reserved for the broker ({@code $SYS/...}); publishing there deserves a warning. */
    public static boolean isReserved(String topic) {
        return topic.startsWith("$");
    }

    /**
     * Whether a valid {@code filter} matches a topic name. As the spec says, wildcards at the first level
     * do not match topics starting with {@code $}: {@code #} does not see {@code $SYS}.
     */
    public static boolean matches(String filter, String topic) {
        if (isReserved(topic) && !filter.isEmpty() && (filter.charAt(0) == '+' || filter.charAt(0) == '#')) {
            return false;
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true; // also matches the parent level itself: "a/#" matches "a"
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    /** The topic's levels in a tree: split at '/', at most {@link #MAX_TREE_LEVELS}, the last taking the rest. */
    public static String[] treeLevels(String topic) {
        return topic.split("/", MAX_TREE_LEVELS);
    }

    /** Where the topic's parent level ends in a tree: the index of that '/', or -1 for a top level. */
    public static int treeParentEnd(String topic) {
        int slashes = 0;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/' && ++slashes == MAX_TREE_LEVELS - 1) {
                return i;
            }
        }
        return topic.lastIndexOf('/');
    }

    private static Optional<Problem> checkCommon(String topic) {
        if (topic.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (topic.indexOf('\u0000') >= 0) {
            return Optional.of(Problem.NUL_CHARACTER);
        }
        // Cheap bound first: a UTF-8 char is at most 3 bytes per UTF-16 unit.
        if (topic.length() * 3L > MAX_BYTES && topic.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(Problem.TOO_LONG);
        }
        return Optional.empty();
    }
}
