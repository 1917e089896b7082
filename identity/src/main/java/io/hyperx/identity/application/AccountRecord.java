package io.hyperx.identity.application;

import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountStatus;
import io.hyperx.identity.api.Role;

import java.time.Instant;

/** An account's row in {@code identity.account}: personal data and credentials (never leaves identity). */
public record AccountRecord(AccountId id, String email, String displayName, String avatarUrl, String passwordHash,
                            Role role,
                            AccountStatus status, boolean emailVerified, boolean twoFactorEnabled, String totpSecret,
                            String totpPending, Instant createdAt) {

    /** What the owner sees of their account. */
    public AccountDetails details() {
        return new AccountDetails(id, email, displayName, avatarUrl, role, status, emailVerified, twoFactorEnabled, createdAt);
    }
}
