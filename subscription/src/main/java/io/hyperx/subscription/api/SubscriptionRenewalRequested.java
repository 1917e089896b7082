package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** A period ended: payment {@code paymentId} is requested for the next one. */
public record SubscriptionRenewalRequested(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, PaymentId paymentId, Money amount,
        String paymentMethodId, Instant periodEnd) {
}
