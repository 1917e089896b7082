package io.hyperx.content.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The content sweeper's command: publishes a post whose publication was scheduled for {@code publishAt}; anything else is a stale job and changes nothing. */
public record PublishScheduledPostCommand(@TargetAggregateIdentifier PostId postId, Instant publishAt) {
}
