package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Dunning: retry number {@code attempt} of the failed renewal {@code failedPaymentId} of a subscription in grace. */
public record RetrySubscriptionPaymentCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId,
                                              PaymentId failedPaymentId, int attempt) {
}
