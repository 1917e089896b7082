package io.hyperx.identity.api;

import java.util.Locale;
import java.util.Set;

/** What an account is; each role grants a fixed set of {@link Capability capabilities}. */
public enum Role {
    FAN, CREATOR, ADMIN;

    /** The capabilities this role grants; see {@link Capability#of(Role)}. */
    public Set<String> capabilities() {
        return Capability.of(this);
    }

    /** Lower-case name used in JSON and tokens: {@code fan}, {@code creator}, {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String value) {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
