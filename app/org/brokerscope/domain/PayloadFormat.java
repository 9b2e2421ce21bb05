package org.brokerscope.domain;

/** How the user typed a payload; each turns the typed text into the bytes that are sent. */
public enum PayloadFormat {
    TEXT,
    /** Text that must be valid JSON; checked by the UI, which has a JSON parser (the domain has none). */
    JSON,
    NUMBER,
    HEX,
    BASE64,
    /** The bytes of a file, e.g. an image; nothing is typed. */
    FILE
}
