package io.hyperx.economy.api;

import java.util.Objects;
import java.util.UUID;

/** Identifies one tip; derived from the fan and the request's Idempotency-Key. */
public record TipId(UUID value) {

    public TipId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "tip-" + value;
    }
}
