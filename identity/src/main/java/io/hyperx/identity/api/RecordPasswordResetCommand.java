package io.hyperx.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records that the password was reset through a reset link (all sessions were revoked). */
public record RecordPasswordResetCommand(@TargetAggregateIdentifier AccountId accountId, Instant at) {
}
