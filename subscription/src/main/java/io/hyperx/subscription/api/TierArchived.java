package io.hyperx.subscription.api;

import java.time.Instant;
import java.util.UUID;

/** A tier is no longer for sale; existing subscriptions to it continue. */
public record TierArchived(TierId tierId, UUID creatorId, Instant occurredAt) {
}
