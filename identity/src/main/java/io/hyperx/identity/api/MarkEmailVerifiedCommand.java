package io.hyperx.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records that the account's owner proved control of its e-mail address. */
public record MarkEmailVerifiedCommand(@TargetAggregateIdentifier AccountId accountId, Instant at) {
}
