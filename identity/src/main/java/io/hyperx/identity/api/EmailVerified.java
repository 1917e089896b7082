package io.hyperx.identity.api;

import java.time.Instant;

/** The owner proved control of the account's e-mail address. */
public record EmailVerified(AccountId accountId, Instant verifiedAt) {
}
