package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountStatus;
import io.hyperx.identity.api.Role;

import java.time.Instant;

/** The owner's (or an admin's) view of an account. */
public record AccountDetails(AccountId id, String email, String displayName, String avatarUrl, Role role, AccountStatus status,
                             boolean emailVerified, boolean twoFactorEnabled, Instant createdAt) {
}
