package io.hyperx.identity.api;

import java.time.Instant;

/** The password was reset through a reset link; every session was revoked. */
public record PasswordReset(AccountId accountId, Instant resetAt) {
}
