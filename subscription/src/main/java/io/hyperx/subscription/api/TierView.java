package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.util.List;
import java.util.UUID;

/** A tier as the catalog shows it. */
public record TierView(UUID id, UUID creatorId, String name, String description, Money price, BillingInterval interval,
        List<String> benefits, int rank, boolean published, boolean archived, Integer memberLimit, int trialDays,
        int memberCount) {
}
