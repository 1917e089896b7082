package io.hyperx.identity.api;

import java.time.Instant;
import java.util.Set;

/** An API key was issued (its hash lives in identity's tables, never here); expiresAt may be null. */
public record ApiKeyIssued(AccountId accountId, ApiKeyId apiKeyId, Set<String> scopes, Instant expiresAt, Instant issuedAt) {
}
