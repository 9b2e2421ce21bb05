package org.brokerscope.sim.weather;

/** Why a poll gave no reading, in words a user can act on. */
public final class WeatherException extends Exception {
    /** What went wrong, for the UI and for tests. */
    public enum Kind { NO_KEY, KEY_REFUSED, UNREACHABLE, HTTP_ERROR, BAD_RESPONSE }

    private final Kind kind;

    public WeatherException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
