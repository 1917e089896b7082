package io.hyperx.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Withdraws a tier from sale; its members keep their subscriptions. */
public record ArchiveTierCommand(@TargetAggregateIdentifier TierId tierId, UUID creatorId) {
}
