package io.hyperx.content.api;

import java.time.Instant;
import java.util.UUID;

/** The post will be published at {@code publishAt}. */
public record PostPublicationScheduled(PostId postId, UUID creatorId, Instant publishAt, Instant occurredAt) {
}
