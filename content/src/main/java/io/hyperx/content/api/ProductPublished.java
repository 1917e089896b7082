package io.hyperx.content.api;

import java.time.Instant;
import java.util.UUID;

/** The product is on sale. */
public record ProductPublished(ProductId productId, UUID creatorId, Instant occurredAt) {
}
