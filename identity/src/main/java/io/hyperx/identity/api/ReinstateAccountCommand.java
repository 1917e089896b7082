package io.hyperx.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An admin lifts a suspension. */
public record ReinstateAccountCommand(@TargetAggregateIdentifier AccountId accountId, AccountId reinstatedBy, Instant at) {
}
