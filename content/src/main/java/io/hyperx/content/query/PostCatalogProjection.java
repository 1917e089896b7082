package io.hyperx.content.query;

import io.hyperx.content.api.PostDeleted;
import io.hyperx.content.api.PostDrafted;
import io.hyperx.content.api.PostEdited;
import io.hyperx.content.api.PostPublicationScheduled;
import io.hyperx.content.api.PostPublished;
import io.hyperx.content.api.PostUnpublished;
import io.hyperx.kernel.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** {@code content.post}: every post but deleted ones, with its state; absolute-state writes, event times only. */
@Component
@ProcessingGroup(ContentProjections.GROUP)
@ProjectionTables("content.post")
class PostCatalogProjection {

    private final JdbcTemplate jdbc;

    PostCatalogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PostDrafted event) {
        jdbc.update("""
                INSERT INTO content.post (post_id, creator_id, title, body, teaser, visibility, status, created_at,
                                          updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)
                ON CONFLICT (post_id) DO NOTHING""",
                event.postId().value(), event.creatorId(), event.title(), event.body(), event.teaser(),
                VisibilityJson.write(event.visibility()), ts(event.occurredAt()), ts(event.occurredAt()));
    }

    @EventHandler
    void on(PostEdited event) {
        jdbc.update("""
                UPDATE content.post SET title = ?, body = ?, teaser = ?, visibility = ?, updated_at = ?
                WHERE post_id = ?""", event.title(), event.body(), event.teaser(),
                VisibilityJson.write(event.visibility()), ts(event.occurredAt()), event.postId().value());
    }

    @EventHandler
    void on(PostPublicationScheduled event) {
        jdbc.update("""
                UPDATE content.post SET status = 'SCHEDULED', publish_at = ?, published_at = NULL, updated_at = ?
                WHERE post_id = ?""", ts(event.publishAt()), ts(event.occurredAt()), event.postId().value());
    }

    @EventHandler
    void on(PostPublished event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                UPDATE content.post SET status = 'PUBLISHED', publish_at = NULL, published_at = ?, updated_at = ?
                WHERE post_id = ?""", ts(event.publishedAt()), ts(at), event.postId().value());
    }

    @EventHandler
    void on(PostUnpublished event) {
        jdbc.update("""
                UPDATE content.post SET status = 'DRAFT', publish_at = NULL, published_at = NULL, updated_at = ?
                WHERE post_id = ?""", ts(event.occurredAt()), event.postId().value());
    }

    @EventHandler
    void on(PostDeleted event) {
        jdbc.update("DELETE FROM content.post WHERE post_id = ?", event.postId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM content.post");
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
