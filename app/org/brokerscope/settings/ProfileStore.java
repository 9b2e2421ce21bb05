package org.brokerscope.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.brokerscope.domain.profile.ConnectionProfile;

/**
 * Connection profiles in {@code profiles.json} in the config folder, written atomically. A corrupt file
 * is moved aside and reported by {@link Loaded#corruptFileBackup()}, never overwritten; one that cannot be
 * read at all stays where it is and is not saved over ({@link Loaded#unreadable()}). Passwords are
 * never written: see the README, "Passwords".
 */
public final class ProfileStore {
    private final JsonFileStore<ProfilesJson> store;
    private final Function<String, ConnectionProfile> embedded;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param embedded makes the embedded broker's profile as it is now (its port is known only at run time)
     *                 from the installation's default client ID; it is listed first and never saved
     */
    public ProfileStore(Path file, Clock clock, Function<String, ConnectionProfile> embedded) {
        this.store = new JsonFileStore<>(file, ProfilesJson.class, () -> new ProfilesJson(null, null, List.of()), clock);
        this.embedded = embedded;
    }

    public Path file() {
        return store.file();
    }

    /** Reads the profiles; a first run gets a new installation ID, saved with the first save. */
    public Loaded load() throws IOException {
        JsonFileStore.Loaded<ProfilesJson> loaded = store.load();
        ProfilesJson json = loaded.value();
        String installation = json.installationId() == null || json.installationId().isBlank()
                ? newInstallationId() : json.installationId();
        List<ConnectionProfile> profiles = new ArrayList<>();
        profiles.add(embedded.apply("brokerscope-" + installation));
        json.profiles().forEach(p -> profiles.add(p.toDomain()));
        return new Loaded(new ProfileBook(installation, json.selected(), profiles), loaded.corruptFileBackup(),
                loaded.problem());
    }

    public void save(ProfileBook book) throws IOException {
        store.save(ProfilesJson.of(book));
    }

    private String newInstallationId() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * @param corruptFileBackup where a corrupt profiles file was moved, if it was: tell the user
     * @param problem           why it was corrupt or could not be read
     */
    public record Loaded(ProfileBook book, Optional<Path> corruptFileBackup, Optional<String> problem) {
        /** The file is there but could not be read at all: it was left in place and saves are refused. */
        public boolean unreadable() {
            return problem.isPresent() && corruptFileBackup.isEmpty();
        }
    }
}
