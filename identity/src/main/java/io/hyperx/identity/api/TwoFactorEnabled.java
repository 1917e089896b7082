package io.hyperx.identity.api;

import java.time.Instant;

/** Two-factor authentication is on: login needs a TOTP or backup code. */
public record TwoFactorEnabled(AccountId accountId, Instant enabledAt) {
}
