package io.hyperx.content.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Deletes a product (a tombstone); owners keep what they bought in their library. */
public record DeleteProductCommand(@TargetAggregateIdentifier ProductId productId, UUID creatorId) {
}
