package io.hyperx.identity.api;

import java.time.Instant;

/** A creator changed their public profile; whether it is now published. */
public record CreatorProfileUpdated(AccountId accountId, boolean published, Instant updatedAt) {
}
