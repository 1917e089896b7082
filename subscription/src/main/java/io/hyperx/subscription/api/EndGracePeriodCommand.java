package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The grace period that began with the failed payment {@code failedPaymentId} is over. */
public record EndGracePeriodCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId, PaymentId failedPaymentId) {
}
