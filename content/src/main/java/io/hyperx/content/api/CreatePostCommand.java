package io.hyperx.content.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A creator drafts a post; it stays unpublished until published. */
public record CreatePostCommand(@TargetAggregateIdentifier PostId postId, UUID creatorId, String title, String body, Visibility visibility) {
}
