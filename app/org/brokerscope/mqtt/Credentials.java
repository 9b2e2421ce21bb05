package org.brokerscope.mqtt;

import java.util.Objects;

/**
 * A username and password. The password is a char[] so the caller can wipe it, and {@link #toString()}
 * never shows it, so a logged settings record cannot leak it.
 */
public record Credentials(String username, char[] password) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
