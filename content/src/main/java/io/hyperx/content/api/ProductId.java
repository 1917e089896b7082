package io.hyperx.content.api;

import io.hyperx.kernel.EntityId;

import java.util.Objects;
import java.util.UUID;

/** Identifies a digital product. */
public record ProductId(UUID value) implements EntityId {

    public ProductId {
        Objects.requireNonNull(value, "value");
    }

    public static ProductId random() {
        return new ProductId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
