package io.hyperx.content.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Puts a product on sale. */
public record PublishProductCommand(@TargetAggregateIdentifier ProductId productId, UUID creatorId) {
}
