package io.hyperx.subscription.api;

import io.hyperx.kernel.EntityId;

import java.util.Objects;
import java.util.UUID;

/** Identifies one payment, whatever its purpose; also the Idempotency-Key of its processor calls. */
public record PaymentId(UUID value) implements EntityId {

    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
