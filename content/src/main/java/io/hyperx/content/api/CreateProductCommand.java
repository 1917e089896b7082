package io.hyperx.content.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** A creator adds a product (draft); {@code minTierRank} optionally restricts buying to members of at least that rank. */
public record CreateProductCommand(@TargetAggregateIdentifier ProductId productId, UUID creatorId, String title, String description, ProductType type, Money price, Integer minTierRank,
        List<UUID> fileIds) {
}
