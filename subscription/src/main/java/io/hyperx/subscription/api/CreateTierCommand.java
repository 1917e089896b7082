package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** Adds a tier to the creator's catalog. */
public record CreateTierCommand(@TargetAggregateIdentifier TierId tierId, UUID creatorId, String name, String description, Money price,
        BillingInterval interval, List<String> benefits, int rank, boolean published, Integer memberLimit,
        int trialDays) {
}
