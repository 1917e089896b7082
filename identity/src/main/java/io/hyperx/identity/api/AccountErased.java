package io.hyperx.identity.api;

import java.time.Instant;

/** The owner erased the account: its personal data is deleted; only its id remains in the log. */
public record AccountErased(AccountId accountId, Instant erasedAt) {
}
