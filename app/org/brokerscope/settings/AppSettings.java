package org.brokerscope.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

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

    /**
     * Reads a settings file. A field the file lacks (written by an older version, or by hand) takes
     * its default, rather than Java's 0 or false, which would mean "any port" and "no demo".
     */
    @JsonCreator
    static AppSettings fromJson(@JsonProperty("language") String language,
                                @JsonProperty("embeddedBrokerPort") Integer embeddedBrokerPort,
                                @JsonProperty("demoSensors") Boolean demoSensors) {
        AppSettings d = defaults();
        return new AppSettings(language == null ? d.language() : language,
                embeddedBrokerPort == null ? d.embeddedBrokerPort() : embeddedBrokerPort,
                demoSensors == null ? d.demoSensors() : demoSensors);
    }

    public AppSettings withLanguage(String newLanguage) {
        return new AppSettings(newLanguage, embeddedBrokerPort, demoSensors);
    }
}
