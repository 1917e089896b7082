package io.hyperx.subscription.api;

import java.time.Instant;

/** Future charges of the subscription use another Stripe payment method id. */
public record SubscriptionPaymentMethodChanged(SubscriptionId subscriptionId, String paymentMethodId, Instant occurredAt) {
}
