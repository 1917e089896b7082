package io.hyperx.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Opens an account with a role (fan or creator; admin only through the bootstrap). */
public record RegisterAccountCommand(@TargetAggregateIdentifier AccountId accountId, Role role, Instant at) {
}
