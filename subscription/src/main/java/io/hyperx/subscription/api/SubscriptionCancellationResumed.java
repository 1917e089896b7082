package io.hyperx.subscription.api;

import java.time.Instant;
import java.util.UUID;

/** The fan took the cancellation back; renewals continue. */
public record SubscriptionCancellationResumed(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, Instant occurredAt) {
}
