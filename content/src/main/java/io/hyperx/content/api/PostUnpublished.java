package io.hyperx.content.api;

import java.time.Instant;
import java.util.UUID;

/** The post went back to draft (a pending schedule is dropped). */
public record PostUnpublished(PostId postId, UUID creatorId, Instant occurredAt) {
}
