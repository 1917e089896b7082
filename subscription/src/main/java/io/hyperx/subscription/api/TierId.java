package io.hyperx.subscription.api;

import io.hyperx.kernel.EntityId;

import java.util.Objects;
import java.util.UUID;

/** Identifies a tier in a creator's catalog. */
public record TierId(UUID value) implements EntityId {

    public TierId {
        Objects.requireNonNull(value, "value");
    }

    public static TierId random() {
        return new TierId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
