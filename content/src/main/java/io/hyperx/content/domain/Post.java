package io.hyperx.content.domain;

import io.hyperx.content.api.CreatePostCommand;
import io.hyperx.content.api.DeletePostCommand;
import io.hyperx.content.api.EditPostCommand;
import io.hyperx.content.api.PostDeleted;
import io.hyperx.content.api.PostDrafted;
import io.hyperx.content.api.PostEdited;
import io.hyperx.content.api.PostId;
import io.hyperx.content.api.PostPublicationScheduled;
import io.hyperx.content.api.PostPublished;
import io.hyperx.content.api.PostUnpublished;
import io.hyperx.content.api.PublishPostCommand;
import io.hyperx.content.api.PublishScheduledPostCommand;
import io.hyperx.content.api.UnpublishPostCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One post: Draft -> (Scheduled ->) Published -> Draft again when unpublished; Deleted is final. Only its creator
 * changes it; a repeated publish or unpublish changes nothing.
 */
@Aggregate
public class Post {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 100_000;
    static final int MAX_TEASER = 1_000;

    enum State { DRAFT, SCHEDULED, PUBLISHED, DELETED }

    @AggregateIdentifier
    private PostId postId;
    private UUID creatorId;
    private State state;
    private Instant publishAt;

    protected Post() {
    }

    @CommandHandler
    Post(CreatePostCommand command) {
        requireText(command.title(), command.body());
        apply(new PostDrafted(command.postId(), command.creatorId(), command.title().strip(), command.body(),
                VisibilityRules.validate(command.visibility()), now(), teaser(command.teaser())));
    }

    @CommandHandler
    void handle(EditPostCommand command) {
        requireOwner(command.creatorId());
        requireText(command.title(), command.body());
        apply(new PostEdited(postId, creatorId, command.title().strip(), command.body(),
                VisibilityRules.validate(command.visibility()), now(), teaser(command.teaser())));
    }

    @CommandHandler
    void handle(PublishPostCommand command) {
        requireOwner(command.creatorId());
        Instant now = now();
        // stored to the millisecond, so the sweeper's copy (read back from the database) names the same instant
        Instant at = command.publishAt() == null ? null : command.publishAt().truncatedTo(ChronoUnit.MILLIS);
        if (at != null && at.isAfter(now)) {
            if (state == State.PUBLISHED) {
                throw ContentProblem.conflict("post_already_published",
                        "The post is already published; unpublish it before scheduling it.");
            }
            if (state != State.SCHEDULED || !at.equals(publishAt)) {
                apply(new PostPublicationScheduled(postId, creatorId, at, now));
            }
        } else if (state != State.PUBLISHED) {
            apply(new PostPublished(postId, creatorId, now));
        }
    }

    @CommandHandler
    void handle(PublishScheduledPostCommand command) {
        if (state == State.SCHEDULED && command.publishAt() != null
                && publishAt.equals(command.publishAt().truncatedTo(ChronoUnit.MILLIS))) {
            apply(new PostPublished(postId, creatorId, publishAt));
        }
    }

    @CommandHandler
    void handle(UnpublishPostCommand command) {
        requireOwner(command.creatorId());
        if (state == State.PUBLISHED || state == State.SCHEDULED) {
            apply(new PostUnpublished(postId, creatorId, now()));
        }
    }

    @CommandHandler
    void handle(DeletePostCommand command) {
        requireOwner(command.creatorId());
        apply(new PostDeleted(postId, creatorId, now()));
    }

    @EventSourcingHandler
    void on(PostDrafted event) {
        postId = event.postId();
        creatorId = event.creatorId();
        state = State.DRAFT;
    }

    @EventSourcingHandler
    void on(PostPublicationScheduled event) {
        state = State.SCHEDULED;
        publishAt = event.publishAt();
    }

    @EventSourcingHandler
    void on(PostPublished event) {
        state = State.PUBLISHED;
        publishAt = null;
    }

    @EventSourcingHandler
    void on(PostUnpublished event) {
        state = State.DRAFT;
        publishAt = null;
    }

    @EventSourcingHandler
    void on(PostDeleted event) {
        state = State.DELETED;
    }

    /** A deleted post, or one of another creator, does not exist for the caller. */
    private void requireOwner(UUID caller) {
        if (state == State.DELETED || !creatorId.equals(caller)) {
            throw ContentProblem.notFound("post_not_found", "No such post.");
        }
    }

    private static void requireText(String title, String body) {
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            throw ContentProblem.unprocessable("invalid_title", "A title has 1 to " + MAX_TITLE + " characters.");
        }
        if (body == null || body.length() > MAX_BODY) {
            throw ContentProblem.unprocessable("invalid_body", "A body has at most " + MAX_BODY + " characters.");
        }
    }

    /** What the creator chose to show to readers without access: stripped, blank meaning none. */
    private static String teaser(String teaser) {
        if (teaser == null || teaser.isBlank()) {
            return null;
        }
        if (teaser.strip().length() > MAX_TEASER) {
            throw ContentProblem.unprocessable("invalid_teaser", "A teaser has at most " + MAX_TEASER + " characters.");
        }
        return teaser.strip();
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

}
