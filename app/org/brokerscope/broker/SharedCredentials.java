package org.brokerscope.broker;

import java.util.Objects;

/** The username and password students type to use a shared broker; shown on the teacher's panel. */
public record SharedCredentials(String username, String password) {
    public SharedCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank()) {
            throw new IllegalArgumentException("The username must not be blank");
        }
    }
}
