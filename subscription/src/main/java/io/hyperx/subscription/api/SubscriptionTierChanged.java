package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** The subscription moved to another tier; an upgrade carries its prorated charge. */
public record SubscriptionTierChanged(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, TierId fromTierId, TierId toTierId, int toRank,
        Money newPrice, PaymentId prorationPaymentId, Money prorationAmount, String paymentMethodId,
        Instant occurredAt) {
}
