package io.hyperx.content.api;

import java.time.Instant;
import java.util.UUID;

/** The post is visible (whole or as a teaser) from {@code publishedAt}. */
public record PostPublished(PostId postId, UUID creatorId, Instant publishedAt) {
}
