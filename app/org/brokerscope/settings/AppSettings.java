package org.brokerscope.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The preferences that survive a restart.
 *
 * @param language           {@code system}, {@code en} or {@code fr}
 * @param embeddedBrokerPort the port the embedded broker tries first; 0 for any free port
 * @param demoSensors        whether the demo house starts with the embedded broker
 */
// Unknown fields come from newer versions: keep reading rather than calling the file corrupt.
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSettings(String language, int embeddedBrokerPort, boolean demoSensors) {

    public static final String SYSTEM_LANGUAGE = "system";

    public AppSettings {
        if (language == null || language.isBlank()) {
            language = SYSTEM_LANGUAGE;
        }
        if (embeddedBrokerPort < 0 || embeddedBrokerPort > 65_535) {
            throw new IllegalArgumentException("embeddedBrokerPort must be 0 to 65535, was " + embeddedBrokerPort);
        }
    }

    public static AppSettings defaults() {
        return new AppSettings(SYSTEM_LANGUAGE, 1883, true);
    }

    public AppSettings withLanguage(String newLanguage) {
        return new AppSettings(newLanguage, embeddedBrokerPort, demoSensors);
    }
}
