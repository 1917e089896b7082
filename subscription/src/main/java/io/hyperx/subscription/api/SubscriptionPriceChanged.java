package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** A scheduled price change took effect at the renewal; later periods are charged {@code newPrice}. */
public record SubscriptionPriceChanged(SubscriptionId subscriptionId, UUID fanId, UUID creatorId, Money oldPrice, Money newPrice, Instant occurredAt) {
}
