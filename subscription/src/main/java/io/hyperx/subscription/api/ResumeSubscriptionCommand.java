package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The fan takes a cancellation back before the period ends. */
public record ResumeSubscriptionCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId) {
}
