package io.hyperx.subscription.api;

import java.time.Instant;
import java.util.UUID;

/** The first payment succeeded: the fan is a paying member for the period. */
public record SubscriptionActivated(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, TierId tierId, PaymentId paymentId, Instant periodStart,
        Instant periodEnd) {
}
