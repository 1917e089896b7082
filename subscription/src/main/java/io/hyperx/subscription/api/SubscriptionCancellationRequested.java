package io.hyperx.subscription.api;

import java.time.Instant;
import java.util.UUID;

/** The fan cancelled; access lasts until {@code effectiveAt}. */
public record SubscriptionCancellationRequested(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, Instant effectiveAt, Instant occurredAt) {
}
