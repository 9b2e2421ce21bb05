package org.brokerscope.mqtt;

import java.util.Locale;
import java.util.Map;

/** The MQTT 5 reason codes a PUBACK, PUBREC or PUBCOMP can carry, by their names in the specification (3.4.2.1). */
public final class ReasonCodes {
    public static final int SUCCESS = 0x00;
    public static final int NO_MATCHING_SUBSCRIBERS = 0x10;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00, "Success"),
            Map.entry(0x10, "No matching subscribers"),
            Map.entry(0x80, "Unspecified error"),
            Map.entry(0x83, "Implementation specific error"),
            Map.entry(0x87, "Not authorized"),
            Map.entry(0x90, "Topic Name invalid"),
            Map.entry(0x91, "Packet Identifier in use"),
            Map.entry(0x92, "Packet Identifier not found"),
            Map.entry(0x97, "Quota exceeded"),
            Map.entry(0x99, "Payload format invalid"));

    private ReasonCodes() {
    }

    /** The specification's name, or "Reason code 0x.." for one a PUBACK should not carry. */
    public static String name(int code) {
        return NAMES.getOrDefault(code, "Reason code " + hex(code));
    }

    public static boolean isKnown(int code) {
        return NAMES.containsKey(code);
    }

    public static String hex(int code) {
        return String.format(Locale.ROOT, "0x%02X", code);
    }
}
