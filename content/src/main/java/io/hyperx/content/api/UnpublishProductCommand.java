package io.hyperx.content.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Takes a product off sale; owners keep it. */
public record UnpublishProductCommand(@TargetAggregateIdentifier ProductId productId, UUID creatorId) {
}
