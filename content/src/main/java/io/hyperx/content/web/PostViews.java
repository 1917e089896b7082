package io.hyperx.content.web;

import io.hyperx.content.api.Visibility;
import io.hyperx.content.application.AccessDecisions;
import io.hyperx.content.application.MarkdownRenderer;
import io.hyperx.content.query.ContentReads.PostRow;
import io.hyperx.content.query.ContentReads.TierRow;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.kernel.Money;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a post is shown: to its creator as written; to readers rendered (allowed) or locked, with only the teaser the
 * creator chose (nothing of the body: a short body would otherwise be shown whole).
 */
@Component
class PostViews {

    private final AccessDecisions decisions;
    private final MarkdownRenderer markdown;

    PostViews(AccessDecisions decisions, MarkdownRenderer markdown) {
        this.decisions = decisions;
        this.markdown = markdown;
    }

    /** A post as its creator sees it (any state). */
    record OwnPost(UUID id, UUID creatorId, String title, String body, String teaser, Visibility visibility,
                   String status, Instant publishAt, Instant publishedAt, Instant createdAt, Instant updatedAt) {

        static OwnPost of(PostRow row) {
            return new OwnPost(row.id(), row.creatorId(), row.title(), row.body(), row.teaser(), row.visibility(),
                    row.status(), row.publishAt(), row.publishedAt(), row.createdAt(), row.updatedAt());
        }
    }

    /** A tier that unlocks a post. */
    record UnlockingTier(UUID id, String name, int rank, Money price) {

        static UnlockingTier of(TierRow row) {
            return new UnlockingTier(row.id(), row.name(), row.rank(), row.price());
        }
    }

    /**
     * A published post as a reader sees it: {@code html} (sanitized) when allowed; otherwise {@code locked},
     * the creator's {@code teaser} (absent when none) and what unlocks it ({@code unlockingTiers}, {@code price}).
     */
    record ReaderPost(UUID id, UUID creatorId, String title, Instant publishedAt, Visibility visibility,
                      boolean locked, String html, String teaser, List<UnlockingTier> unlockingTiers, Money price) {
    }

    ReaderPost forReader(PostRow post, AccountPrincipal principal) {
        AccessDecisions.Decision decision = decisions.decide(post, principal);
        if (decision.allowed()) {
            return new ReaderPost(post.id(), post.creatorId(), post.title(), post.publishedAt(), post.visibility(),
                    false, markdown.toSafeHtml(post.body()), null, null, null);
        }
        return teaser(post);
    }

    ReaderPost teaser(PostRow post) {
        List<UnlockingTier> tiers;
        try {
            tiers = decisions.unlockingTiers(post).stream().map(UnlockingTier::of).toList();
        } catch (RuntimeException e) {
            tiers = List.of();
        }
        return new ReaderPost(post.id(), post.creatorId(), post.title(), post.publishedAt(), post.visibility(), true,
                null, post.teaser(), tiers, post.visibility().price());
    }
}
