package io.hyperx.content.api;

import java.time.Instant;
import java.util.UUID;

/** A creator drafted a post; {@code body} is Markdown as written. */
public record PostDrafted(PostId postId, UUID creatorId, String title, String body, Visibility visibility, Instant occurredAt) {
}
