package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** Dunning: payment {@code paymentId} retries the failed renewal. */
public record SubscriptionPaymentRetryRequested(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, PaymentId paymentId, Money amount,
        String paymentMethodId, int attempt, Instant occurredAt) {
}
