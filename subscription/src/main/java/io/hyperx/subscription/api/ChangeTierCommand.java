package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a subscription to another tier of the same creator: an upgrade at once with a prorated charge, a downgrade at period end. */
public record ChangeTierCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId, TierId toTierId, Money toPrice, int toRank) {
}
