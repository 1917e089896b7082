package io.hyperx.subscription.api;

import io.hyperx.kernel.EntityId;

import java.util.Objects;
import java.util.UUID;

/** Identifies one fan's subscription to one creator. */
public record SubscriptionId(UUID value) implements EntityId {

    public SubscriptionId {
        Objects.requireNonNull(value, "value");
    }

    public static SubscriptionId random() {
        return new SubscriptionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
