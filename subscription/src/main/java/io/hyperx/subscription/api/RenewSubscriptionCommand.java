package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The period ending at {@code periodEnd} is over: renew, roll a paused period, or end a cancelled subscription. */
public record RenewSubscriptionCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId, Instant periodEnd) {
}
