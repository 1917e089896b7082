package io.hyperx.content.api;

import io.hyperx.kernel.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The creator changed a product. */
public record ProductUpdated(ProductId productId, UUID creatorId, String title, String description, ProductType type, Money price, Integer minTierRank, List<UUID> fileIds, Instant occurredAt) {
}
