package org.brokerscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.brokerscope.domain.profile.BrokerUrl;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.mqtt.BrokerConnection;
import org.brokerscope.mqtt.BrokerConnections;
import org.brokerscope.mqtt.ConnectionState;
import org.brokerscope.mqtt.FailureKind;
import org.brokerscope.mqtt.ProfileSettings;
import org.brokerscope.settings.ProfileBook;
import org.brokerscope.settings.ProfileStore;
import org.brokerscope.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password given the ways a user gives one (pasted in a URL, typed for a login, wrong then right) ends
 * up in no file the app writes: not the profiles, not the logs, not the failure shown to the user.
 */
class SecretsTest {
    private static final String RIGHT = "Zebra-s3cret-4711";
    private static final String WRONG = "Wrong-s3cret-0815";

    @TempDir
    Path config;

    @Test
    void passwordsReachNoFileTheAppWritesNorTheMessagesItShows() throws Exception {
        Logging.configure();
        List<String> shown = new ArrayList<>();
        try (MosquittoBroker mosquitto = MosquittoBroker.startWithPassword("teacher", RIGHT)) {
            BrokerUrl url = BrokerUrl.parse("mqtt://teacher:" + RIGHT + "@127.0.0.1:" + mosquitto.port()).url().orElseThrow();
            assertEquals(RIGHT, url.password().orElseThrow(), "the URL box reads the password, so there is one to leak");
            ProfileStore store = new ProfileStore(config.resolve("profiles.json"), Clock.systemUTC(),
                    id -> ConnectionProfile.embedded("Embedded broker", 1883, id));
            ProfileBook book = store.load().book();
            ConnectionProfile school = ConnectionProfile.create("school", "School", url.host(), url.port(), url.username(),
                    "test-secrets");
            store.save(book.put(school));

            try (BrokerConnection wrong = BrokerConnections.open(ProfileSettings.of(school, WRONG.toCharArray(), null), m -> { })) {
                assertThrows(ExecutionException.class, () -> wrong.connect().get(15, TimeUnit.SECONDS));
                assertEquals(FailureKind.BAD_CREDENTIALS, wrong.lastFailure().orElseThrow().kind());
                shown.add(String.valueOf(wrong.lastFailure().orElseThrow()));
                shown.add(wrong.lastError().orElse(""));
            }
            try (BrokerConnection right = BrokerConnections.open(ProfileSettings.of(school, RIGHT.toCharArray(), null), m -> { })) {
                right.connect().get(15, TimeUnit.SECONDS);
                assertEquals(ConnectionState.CONNECTED, right.state());
                shown.add(ProfileSettings.of(school, RIGHT.toCharArray(), null).toString());
            }
        }

        for (String text : shown) {
            assertFalse(text.contains(RIGHT) || text.contains(WRONG), "a message shows a password: " + text);
        }
        List<Path> written = filesUnder(config);
        written.addAll(filesUnder(Logging.currentFile().getParent()));
        assertTrue(written.stream().anyMatch(p -> p.endsWith("profiles.json")), "the profile was saved: " + written);
        for (Path file : written) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains(RIGHT) || content.contains(WRONG), file + " holds a password");
        }
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).toList());
        }
    }
}
