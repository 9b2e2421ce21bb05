package org.brokerscope.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.brokerscope.domain.profile.ConnectionProfile;

/**
 * The saved profiles with the embedded broker's first, which profile is selected, and the installation's
 * random ID, from which default client IDs are made unique per installation.
 */
public record ProfileBook(String installationId, String selected, List<ConnectionProfile> profiles) {

    public ProfileBook {
        Objects.requireNonNull(installationId, "installationId");
        profiles = List.copyOf(profiles);
        String wanted = selected;
        if (wanted == null || profiles.stream().noneMatch(p -> p.id().equals(wanted))) {
            selected = ConnectionProfile.EMBEDDED_ID;
        }
    }

    public Optional<ConnectionProfile> find(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public ConnectionProfile selectedProfile() {
        return find(selected).orElse(profiles.getFirst());
    }

    /** A client ID no other installation uses, e.g. {@code brokerscope-3f9a1c2e}. */
    public String defaultClientId() {
        return "brokerscope-" + installationId;
    }

    /** The book with {@code profile} added, or replacing the one with its ID, and selected. */
    public ProfileBook put(ConnectionProfile profile) {
        List<ConnectionProfile> next = new java.util.ArrayList<>(profiles);
        int at = indexOf(profile.id());
        if (at >= 0) {
            next.set(at, profile);
        } else {
            next.add(profile);
        }
        return new ProfileBook(installationId, profile.id(), next);
    }

    /** The book without that profile; the embedded broker's cannot be removed. */
    public ProfileBook remove(String id) {
        if (ConnectionProfile.EMBEDDED_ID.equals(id)) {
            return this;
        }
        return new ProfileBook(installationId, selected.equals(id) ? ConnectionProfile.EMBEDDED_ID : selected,
                profiles.stream().filter(p -> !p.id().equals(id)).toList());
    }

    public ProfileBook select(String id) {
        return new ProfileBook(installationId, id, profiles);
    }

    private int indexOf(String id) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
