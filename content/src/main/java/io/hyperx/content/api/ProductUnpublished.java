package io.hyperx.content.api;

import java.time.Instant;
import java.util.UUID;

/** The product is off sale. */
public record ProductUnpublished(ProductId productId, UUID creatorId, Instant occurredAt) {
}
