package io.hyperx.content.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A creator drafted a post; {@code body} is Markdown as written; {@code teaser} is the plain text the creator chose to
 * show readers without access, {@code null} for none (and in events stored before it existed: they read as none).
 */
public record PostDrafted(PostId postId, UUID creatorId, String title, String body, Visibility visibility, Instant occurredAt,
        String teaser) {
}
