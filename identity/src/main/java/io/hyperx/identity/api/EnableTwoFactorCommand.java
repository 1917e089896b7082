package io.hyperx.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Switches two-factor authentication on after the first valid code. */
public record EnableTwoFactorCommand(@TargetAggregateIdentifier AccountId accountId, Instant at) {
}
