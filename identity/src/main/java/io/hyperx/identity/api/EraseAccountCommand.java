package io.hyperx.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The owner erased the account; its personal data is already gone from identity's tables. */
public record EraseAccountCommand(@TargetAggregateIdentifier AccountId accountId, Instant at) {
}
