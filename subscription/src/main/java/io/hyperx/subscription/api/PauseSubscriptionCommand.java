package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The fan pauses: no charges and no access until unpaused. */
public record PauseSubscriptionCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId) {
}
