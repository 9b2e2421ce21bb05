package org.brokerscope.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.brokerscope.domain.profile.ConnectionProfile;
import org.brokerscope.domain.profile.MqttVersion;
import org.brokerscope.domain.profile.ProfileTls;
import org.brokerscope.domain.profile.ProfileWill;
import org.brokerscope.domain.profile.Subscription;
import org.brokerscope.domain.profile.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void aFirstRunHasOnlyTheEmbeddedBrokerSelectedAndAnInstallationClientId() throws Exception {
        ProfileBook book = store().load().book();

        assertEquals(1, book.profiles().size());
        assertTrue(book.selectedProfile().embedded());
        assertTrue(book.selectedProfile().clientId().matches("brokerscope-[0-9a-f]{8}"), book.selectedProfile().clientId());
        assertNotEquals(book.installationId(), store().load().book().installationId(),
                "two installations must not share client IDs");
    }

    @Test
    void everyFieldSurvivesASaveAndLoadAndNoPasswordIsWritten() throws Exception {
        ProfileStore store = store();
        ProfileBook book = store.load().book();
        ConnectionProfile school = new ConnectionProfile("p1", "Lycée", "broker.lycee.fr", 8884, Transport.WSS, "/ws",
                MqttVersion.V3_1_1, "brokerscope-x", "eleve", 45, false, 3600,
                Optional.of(new ProfileWill("brokerscope/status", "offline", 1, true)),
                List.of(new Subscription("maison/#", 1)),
                new ProfileTls(Optional.of("/etc/ca.pem"), Optional.of("/home/me/client.p12"), Optional.empty(), false, false),
                false);

        store.save(book.put(school));
        ProfileBook again = store.load().book();

        assertEquals(school, again.find("p1").orElseThrow());
        assertEquals("p1", again.selected());
        assertEquals(book.installationId(), again.installationId());
        assertTrue(again.profiles().getFirst().embedded(), "the embedded broker comes first");
        String json = Files.readString(store.file());
        assertFalse(json.contains("password"), json);
    }

    @Test
    void aCorruptFileIsBackedUpAndReportedNotOverwritten() throws Exception {
        Path file = folder.resolve("profiles.json");
        Files.writeString(file, "{ \"profiles\": [ {\"id\": \"x\", ");
        ProfileStore.Loaded loaded = store().load();

        Path backup = loaded.corruptFileBackup().orElseThrow();
        assertEquals("{ \"profiles\": [ {\"id\": \"x\", ", Files.readString(backup));
        assertTrue(loaded.problem().isPresent());
        assertFalse(Files.exists(file), "the corrupt file was moved, not left to be overwritten");
    }

    @Test
    void aProfileWithAnImpossibleValueMakesTheFileCorruptRatherThanBeingDroppedOnTheNextSave() throws Exception {
        Path file = folder.resolve("profiles.json");
        Files.writeString(file, """
                {"installationId": "abcd1234", "profiles": [
                  {"id": "a", "name": "ok", "host": "h", "port": 1883, "transport": "TCP"},
                  {"id": "b", "name": "bad", "host": "h", "port": 0, "transport": "TCP"}]}
                """);

        ProfileStore.Loaded loaded = store().load();

        assertTrue(loaded.corruptFileBackup().isPresent(), "port 0 must not load silently");
        assertEquals(1, loaded.book().profiles().size());
    }

    @Test
    void removingTheSelectedProfileSelectsTheEmbeddedBrokerWhichCannotBeRemoved() throws Exception {
        ProfileBook book = store().load().book();
        ProfileBook withOne = book.put(ConnectionProfile.create("p2", "Pi", "raspberrypi.local", book.defaultClientId()));

        ProfileBook without = withOne.remove("p2").remove(ConnectionProfile.EMBEDDED_ID);

        assertEquals(ConnectionProfile.EMBEDDED_ID, without.selected());
        assertEquals(1, without.profiles().size());
    }

    private ProfileStore store() {
        return new ProfileStore(folder.resolve("profiles.json"), CLOCK,
                clientId -> ConnectionProfile.embedded("Embedded broker", 1883, clientId));
    }
}
