package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** A move to a cheaper tier takes effect at {@code effectiveAt}, the end of the period. */
public record SubscriptionDowngradeScheduled(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, TierId toTierId, int toRank, Money newPrice,
        Instant effectiveAt, Instant occurredAt) {
}
