package io.hyperx.identity.api;

import java.time.Instant;

/** An API key was revoked. */
public record ApiKeyRevoked(AccountId accountId, ApiKeyId apiKeyId, Instant revokedAt) {
}
