package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Starts a fan's subscription to a tier (pending until the first payment succeeds, or trialing). */
public record StartSubscriptionCommand(@TargetAggregateIdentifier SubscriptionId subscriptionId, UUID fanId, UUID creatorId, TierId tierId, int tierRank,
        Money price,
        BillingInterval interval, int trialDays, String paymentMethodId) {
}
