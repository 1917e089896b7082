package io.hyperx.economy.api;

import java.util.Objects;
import java.util.UUID;

/** Identifies one payout; derived from the creator and the request's Idempotency-Key. */
public record PayoutId(UUID value) {

    public PayoutId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
