package io.hyperx.identity.api;

import java.util.Locale;

/** Whether an account may act: active, suspended by an admin, or erased by its owner (terminal). */
public enum AccountStatus {
    ACTIVE, SUSPENDED, ERASED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
