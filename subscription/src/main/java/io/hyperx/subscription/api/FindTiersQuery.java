package io.hyperx.subscription.api;

import java.util.UUID;

/** A creator's tiers by rank; unpublished and archived ones only when asked. */
public record FindTiersQuery(UUID creatorId, boolean includeUnpublished) {
}
