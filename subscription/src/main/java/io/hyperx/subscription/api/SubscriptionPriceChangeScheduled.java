package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** The creator migrated this subscriber to a new price; it applies from {@code effectiveAt}, the next renewal. */
public record SubscriptionPriceChangeScheduled(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, TierId tierId, Money newPrice, Instant effectiveAt,
        Instant occurredAt) {
}
