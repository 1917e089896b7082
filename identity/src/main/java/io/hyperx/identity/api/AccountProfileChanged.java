package io.hyperx.identity.api;

import java.time.Instant;
import java.util.Set;

/** The owner changed their account's profile: which fields ({@code displayName}, {@code avatarUrl}), never values. */
public record AccountProfileChanged(AccountId accountId, Set<String> changedFields, Instant changedAt) {
}
