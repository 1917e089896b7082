package io.hyperx.identity.api;

import java.time.Instant;

/** An account was opened. Ids only: e-mail and display name live in identity's tables. */
public record AccountRegistered(AccountId accountId, Role role, Instant registeredAt) {
}
