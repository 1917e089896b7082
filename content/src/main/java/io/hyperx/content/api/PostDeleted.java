package io.hyperx.content.api;

import java.time.Instant;
import java.util.UUID;

/** Tombstone: the post is gone; nothing is shown of it any more. */
public record PostDeleted(PostId postId, UUID creatorId, Instant occurredAt) {
}
