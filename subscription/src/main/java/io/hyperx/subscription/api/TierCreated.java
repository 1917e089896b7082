package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A creator added a tier; unpublished tiers are not for sale yet. */
public record TierCreated(TierId tierId, UUID creatorId, String name, String description, Money price, BillingInterval interval,
        List<String> benefits, int rank, boolean published, Integer memberLimit, int trialDays, Instant occurredAt) {
}
