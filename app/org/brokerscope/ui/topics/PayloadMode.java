package org.brokerscope.ui.topics;

/** How the inspector shows a payload; detected from the bytes, switchable by the user. */
public enum PayloadMode {
    JSON, TEXT, NUMBER, HEX, IMAGE;

    /** Resource key of the mode's button label. */
    public String key() {
        return "inspector.mode." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
