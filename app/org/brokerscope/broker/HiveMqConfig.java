package org.brokerscope.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the config.xml and logback.xml HiveMQ reads from its configuration folder. */
final class HiveMqConfig {
    /** The app's logback configuration; Main points logback at it before anything logs. */
    static final String LOGBACK_RESOURCE = "/org/brokerscope/logback.xml";

    private HiveMqConfig() {
    }

    static void write(Path configFolder, BrokerOptions options, int port) throws IOException {
        Files.createDirectories(configFolder);
        Files.writeString(configFolder.resolve("config.xml"), configXml(options, port));
        // HiveMQ re-reads logging from its config folder at start; hand it the app's own configuration
        // so its start-up chatter stays quiet and the app's INFO lines, routed through logback, survive.
        try (InputStream appLogging = HiveMqConfig.class.getResourceAsStream(LOGBACK_RESOURCE)) {
            if (appLogging != null) {
                Files.copy(appLogging, configFolder.resolve("logback.xml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static String configXml(BrokerOptions options, int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                        <receive-maximum>
                            <server-receive-maximum>%d</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, options.bindAddress(), options.maxQueueSize(), options.receiveMaximum());
    }

}
