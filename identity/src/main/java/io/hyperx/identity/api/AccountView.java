package io.hyperx.identity.api;

import java.time.Instant;

/** An account as other contexts see it: no personal data, ids and states only. */
public record AccountView(AccountId accountId, Role role, AccountStatus status, boolean emailVerified,
                          boolean twoFactorEnabled, Instant registeredAt, Instant updatedAt) {
}
