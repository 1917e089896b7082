package io.hyperx.subscription.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** Changes a tier; a new price applies to new subscribers only. */
public record UpdateTierCommand(@TargetAggregateIdentifier TierId tierId, UUID creatorId, String name, String description, Money price,
        List<String> benefits, int rank, boolean published, Integer memberLimit, int trialDays) {
}
