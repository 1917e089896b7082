package io.hyperx.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An admin suspends the account: no login, no payments. */
public record SuspendAccountCommand(@TargetAggregateIdentifier AccountId accountId, AccountId suspendedBy, Instant at) {
}
