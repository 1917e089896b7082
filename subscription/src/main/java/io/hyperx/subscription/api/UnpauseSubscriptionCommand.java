package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The fan resumes a paused subscription. */
public record UnpauseSubscriptionCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId) {
}
