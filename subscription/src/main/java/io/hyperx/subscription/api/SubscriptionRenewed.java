package io.hyperx.subscription.api;

import java.time.Instant;
import java.util.UUID;

/** A renewal payment succeeded: a new period began. */
public record SubscriptionRenewed(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, TierId tierId, PaymentId paymentId, Instant periodStart,
        Instant periodEnd) {
}
