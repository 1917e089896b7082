package io.hyperx.content.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The creator changes a post's title, body or visibility (in any state but deleted). */
public record EditPostCommand(@TargetAggregateIdentifier PostId postId, UUID creatorId, String title, String body, Visibility visibility) {
}
