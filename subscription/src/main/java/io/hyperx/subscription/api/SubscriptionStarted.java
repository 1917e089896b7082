package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** A fan subscribed to a tier; pending until {@code initialPaymentId} succeeds ({@code null} when the tier has a trial). */
public record SubscriptionStarted(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, TierId tierId, int tierRank, Money price,
        BillingInterval interval, PaymentId initialPaymentId, String paymentMethodId, Instant occurredAt) {
}
