package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A creator changed a tier; the new price applies to new subscribers only. */
public record TierUpdated(TierId tierId, UUID creatorId, String name, String description, Money price, List<String> benefits, int rank,
        boolean published, Integer memberLimit, int trialDays, Instant occurredAt) {
}
