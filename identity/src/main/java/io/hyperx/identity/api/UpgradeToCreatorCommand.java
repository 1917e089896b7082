package io.hyperx.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Turns a fan into a creator. */
public record UpgradeToCreatorCommand(@TargetAggregateIdentifier AccountId accountId, Instant at) {
}
