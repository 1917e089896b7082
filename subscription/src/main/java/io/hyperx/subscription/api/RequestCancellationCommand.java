package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The fan cancels; the subscription ends at the end of the paid period. */
public record RequestCancellationCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId) {
}
