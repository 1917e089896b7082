package io.hyperx.content.api;

import java.time.Instant;
import java.util.UUID;

/** The creator changed the post; {@code teaser} as in {@link PostDrafted} ({@code null}: none). */
public record PostEdited(PostId postId, UUID creatorId, String title, String body, Visibility visibility, Instant occurredAt,
        String teaser) {
}
