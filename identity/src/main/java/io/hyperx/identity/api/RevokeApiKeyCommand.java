package io.hyperx.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Revokes one of the account's API keys. */
public record RevokeApiKeyCommand(@TargetAggregateIdentifier AccountId accountId, ApiKeyId apiKeyId, Instant at) {
}
