package io.hyperx.content.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Takes a published (or scheduled) post back to draft. */
public record UnpublishPostCommand(@TargetAggregateIdentifier PostId postId, UUID creatorId) {
}
