package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The creator moves this subscriber of {@code tierId} to the tier's current price, from the next renewal on. */
public record MigrateSubscriberPriceCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId, TierId tierId, Money newPrice) {
}
