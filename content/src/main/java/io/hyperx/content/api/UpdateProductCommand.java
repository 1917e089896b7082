package io.hyperx.content.api;

import io.hyperx.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** The creator changes a product; the new price applies to later purchases. */
public record UpdateProductCommand(@TargetAggregateIdentifier ProductId productId, UUID creatorId, String title, String description, ProductType type, Money price, Integer minTierRank,
        List<UUID> fileIds) {
}
