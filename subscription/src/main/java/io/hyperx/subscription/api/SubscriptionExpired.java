package io.hyperx.subscription.api;

import java.time.Instant;
import java.util.UUID;

/** The subscription ended because it was never paid or its grace period ran out. */
public record SubscriptionExpired(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, ExpiryReason reason, Instant occurredAt) {
}
