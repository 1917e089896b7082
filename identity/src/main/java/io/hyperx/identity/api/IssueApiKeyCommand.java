package io.hyperx.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/** Issues an API key with scopes (a subset of the owner's capabilities); expiresAt may be null. */
public record IssueApiKeyCommand(@TargetAggregateIdentifier AccountId accountId, ApiKeyId apiKeyId, Set<String> scopes, Instant expiresAt, Instant at) {
}
