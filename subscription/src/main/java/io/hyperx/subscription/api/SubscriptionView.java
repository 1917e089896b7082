package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.UUID;

/** A subscription as fans and creators see it. */
public record SubscriptionView(UUID id, UUID fanId, UUID creatorId, UUID tierId, SubscriptionStatus status, Money price,
        BillingInterval interval, Instant currentPeriodEnd, boolean cancelAtPeriodEnd, Instant graceEndsAt,
        Instant startedAt, Instant updatedAt) {
}
