package io.hyperx.content.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Publishes now ({@code publishAt} null or not in the future) or schedules publication at {@code publishAt}. */
public record PublishPostCommand(@TargetAggregateIdentifier PostId postId, UUID creatorId, Instant publishAt) {
}
