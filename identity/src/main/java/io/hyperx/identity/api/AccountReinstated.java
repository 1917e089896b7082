package io.hyperx.identity.api;

import java.time.Instant;

/** An admin lifted the account's suspension. */
public record AccountReinstated(AccountId accountId, AccountId reinstatedBy, Instant reinstatedAt) {
}
