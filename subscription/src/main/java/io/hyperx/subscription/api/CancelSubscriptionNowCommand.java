package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a subscription at once (the payment processor reports it deleted). */
public record CancelSubscriptionNowCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId) {
}
