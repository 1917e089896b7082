package io.hyperx.subscription.api;

import java.time.Instant;
import java.util.UUID;

/** A retry succeeded during the grace period; the subscription is active again. */
public record SubscriptionRecovered(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, PaymentId paymentId, Instant occurredAt) {
}
