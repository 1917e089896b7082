package io.hyperx.content.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Deletes a post for good (a tombstone). */
public record DeletePostCommand(@TargetAggregateIdentifier PostId postId, UUID creatorId) {
}
