package io.hyperx.content.api;

import java.time.Instant;
import java.util.UUID;

/** Tombstone: the product is gone from the catalog. */
public record ProductDeleted(ProductId productId, UUID creatorId, Instant occurredAt) {
}
