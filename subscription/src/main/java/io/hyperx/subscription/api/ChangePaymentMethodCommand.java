package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The fan pays future charges of this subscription with another Stripe payment method. */
public record ChangePaymentMethodCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId, String paymentMethodId) {
}
