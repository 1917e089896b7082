package io.hyperx.identity.api;

import java.util.Objects;
import java.util.UUID;

/** The id of an account: a person (fan, creator, admin) who can authenticate. */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "account id");
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    public static AccountId of(String value) {
        return new AccountId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
