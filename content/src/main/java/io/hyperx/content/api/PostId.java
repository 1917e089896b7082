package io.hyperx.content.api;

import io.hyperx.kernel.EntityId;

import java.util.Objects;
import java.util.UUID;

/** Identifies a post. */
public record PostId(UUID value) implements EntityId {

    public PostId {
        Objects.requireNonNull(value, "value");
    }

    public static PostId random() {
        return new PostId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
