package io.hyperx.subscription.api;

import java.time.Instant;
import java.util.UUID;

/** The subscription ended by cancellation. */
public record SubscriptionCancelled(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, Instant occurredAt) {
}
