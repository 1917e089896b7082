package io.hyperx.content.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The creator changes a post's title, body, visibility or teaser (in any state but deleted); a missing teaser removes it. */
public record EditPostCommand(@TargetAggregateIdentifier PostId postId, UUID creatorId, String title, String body, Visibility visibility,
        String teaser) {
}
