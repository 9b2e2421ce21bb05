package org.brokerscope.domain.rooms;

import java.util.Locale;

/**
 * When a room's measure is in alarm: above {@code high}, below {@code low}, or outside the band between
 * them; and, when {@code stale} is set, also when one of its sensors falls silent. An active alert clears
 * only once the value is back inside by {@code hysteresis}, so a value hovering on the limit does not flap.
 */
public record AlertRule(Kind kind, double low, double high, double hysteresis, boolean stale) {

    public enum Kind { ABOVE, BELOW, OUTSIDE, NONE }

    public AlertRule {
        if (kind == null) {
            throw new IllegalArgumentException("an alert rule needs a kind");
        }
        if (hysteresis < 0 || Double.isNaN(hysteresis)) {
            throw new IllegalArgumentException("hysteresis must be 0 or more, was " + hysteresis);
        }
        if (kind == Kind.OUTSIDE && !(low < high)) {
            throw new IllegalArgumentException("a band needs low < high, was " + low + " and " + high);
        }
    }

    public static AlertRule above(double high, double hysteresis) {
        return new AlertRule(Kind.ABOVE, Double.NaN, high, hysteresis, true);
    }

    public static AlertRule below(double low, double hysteresis) {
        return new AlertRule(Kind.BELOW, low, Double.NaN, hysteresis, true);
    }

    public static AlertRule outside(double low, double high, double hysteresis) {
        return new AlertRule(Kind.OUTSIDE, low, high, hysteresis, true);
    }

    public static AlertRule staleOnly() {
        return new AlertRule(Kind.NONE, Double.NaN, Double.NaN, 0, true);
    }

    public AlertRule withStale(boolean alsoStale) {
        return new AlertRule(kind, low, high, hysteresis, alsoStale);
    }

    /** Whether {@code value} is in alarm, given whether the alert is already {@code active} (hysteresis). */
    public boolean breached(double value, boolean active) {
        double margin = active ? hysteresis : 0;
        return switch (kind) {
            case ABOVE -> value > high - margin;
            case BELOW -> value < low + margin;
            case OUTSIDE -> value > high - margin || value < low + margin;
            case NONE -> false;
        };
    }

    /** A short, language-neutral text for logs and CSV: {@code > 28 (±0.5)}, {@code outside [15, 28]}. */
    public String describe() {
        String limits = switch (kind) {
            case ABOVE -> "> " + num(high);
            case BELOW -> "< " + num(low);
            case OUTSIDE -> "outside [" + num(low) + ", " + num(high) + "]";
            case NONE -> "";
        };
        String hyst = kind != Kind.NONE && hysteresis > 0 ? " (±" + num(hysteresis) + ")" : "";
        String silent = stale ? (limits.isEmpty() ? "stale" : ", stale") : "";
        return limits + hyst + silent;
    }

    /** The rule as one line of the rules editor: {@code above 28 hyst 0.5 stale}. */
    public String toLine() {
        String limits = switch (kind) {
            case ABOVE -> "above " + num(high);
            case BELOW -> "below " + num(low);
            case OUTSIDE -> "outside " + num(low) + " " + num(high);
            case NONE -> "none";
        };
        return limits + (kind != Kind.NONE ? " hyst " + num(hysteresis) : "") + (stale ? " stale" : "");
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
