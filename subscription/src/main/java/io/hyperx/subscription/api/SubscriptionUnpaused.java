package io.hyperx.subscription.api;

import java.time.Instant;
import java.util.UUID;

/** The fan unpaused; access and renewals continue. */
public record SubscriptionUnpaused(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, Instant occurredAt) {
}
