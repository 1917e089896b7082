package io.hyperx.identity.api;

import java.util.Objects;
import java.util.UUID;

/** The id of an API key (not the key itself, which is shown once and stored only as a hash). */
public record ApiKeyId(UUID value) {

    public ApiKeyId {
        Objects.requireNonNull(value, "api key id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
