package io.hyperx.content.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * A creator drafts a post; it stays unpublished until published. {@code teaser} (optional, plain text) is all that
 * readers without access see of it.
 */
public record CreatePostCommand(@TargetAggregateIdentifier PostId postId, UUID creatorId, String title, String body, Visibility visibility,
        String teaser) {
}
