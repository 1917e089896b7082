package io.hyperx.identity.api;

import java.time.Instant;

/** An admin suspended the account: it cannot log in, and payments to or from it must be refused. */
public record AccountSuspended(AccountId accountId, AccountId suspendedBy, Instant suspendedAt) {
}
