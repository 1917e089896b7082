package io.hyperx.subscription.api;

import java.time.Instant;
import java.util.UUID;

/** The fan paused: no charges and no access. */
public record SubscriptionPaused(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, Instant occurredAt) {
}
