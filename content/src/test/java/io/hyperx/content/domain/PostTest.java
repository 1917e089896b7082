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
import io.hyperx.content.api.Visibility;
import io.hyperx.kernel.DomainException;
import io.hyperx.kernel.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PostTest {

    private static final PostId POST = PostId.random();
    private static final UUID CREATOR = UUID.randomUUID();
    private static final UUID TIER = UUID.randomUUID();

    private AggregateTestFixture<Post> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Post.class);
        now = fixture.currentTime();
    }

    private PostDrafted drafted() {
        return new PostDrafted(POST, CREATOR, "Hello", "**body**", Visibility.members(), now, null);
    }

    @Test
    void draftsAPostWithANormalisedVisibility() {
        fixture.givenNoPriorActivity()
                .when(new CreatePostCommand(POST, CREATOR, "  Hello ", "**body**",
                        new Visibility("members", 3, List.of(TIER), Money.of(100, "USD")), "  "))
                .expectEvents(new PostDrafted(POST, CREATOR, "Hello", "**body**", Visibility.members(), now, null));
    }

    @Test
    void keepsTheTeaserTheCreatorChoseAndRefusesALongOne() {
        fixture.givenNoPriorActivity()
                .when(new CreatePostCommand(POST, CREATOR, "Hello", "body", Visibility.members(), " Come in. "))
                .expectEvents(new PostDrafted(POST, CREATOR, "Hello", "body", Visibility.members(), now,
                        "Come in."));
        fixture.givenNoPriorActivity()
                .when(new CreatePostCommand(POST, CREATOR, "Hello", "body", Visibility.members(),
                        "t".repeat(Post.MAX_TEASER + 1)))
                .expectException(DomainException.class)
                .expectExceptionMessage("A teaser has at most 1000 characters.");
    }

    @Test
    void refusesAPayPerViewPostWithoutAPrice() {
        fixture.givenNoPriorActivity()
                .when(new CreatePostCommand(POST, CREATOR, "Hello", "body", new Visibility("payPerView", null,
                        null, null), null))
                .expectException(DomainException.class)
                .expectExceptionMessage("payPerView visibility needs a positive price.");
    }

    @Test
    void refusesAnUnknownVisibilityAndABlankTitle() {
        fixture.givenNoPriorActivity()
                .when(new CreatePostCommand(POST, CREATOR, "Hello", "body", new Visibility("friends", null, null,
                        null), null))
                .expectException(DomainException.class);
        fixture.givenNoPriorActivity()
                .when(new CreatePostCommand(POST, CREATOR, " ", "body", Visibility.everyone(), null))
                .expectException(DomainException.class);
    }

    @Test
    void editsTitleBodyAndVisibility() {
        Visibility ppv = Visibility.payPerView(Money.of(300, "USD"), List.of(TIER));
        fixture.given(drafted())
                .when(new EditPostCommand(POST, CREATOR, "New", "text", ppv, "A teaser"))
                .expectEvents(new PostEdited(POST, CREATOR, "New", "text", ppv, now, "A teaser"));
    }

    @Test
    void anotherCreatorCannotTouchThePost() {
        fixture.given(drafted())
                .when(new EditPostCommand(POST, UUID.randomUUID(), "Mine", "text", Visibility.everyone(), null))
                .expectException(DomainException.class)
                .expectExceptionMessage("No such post.");
    }

    @Test
    void publishesNowAndOnlyOnce() {
        fixture.given(drafted())
                .when(new PublishPostCommand(POST, CREATOR, null))
                .expectEvents(new PostPublished(POST, CREATOR, now));
        fixture.given(drafted(), new PostPublished(POST, CREATOR, now))
                .when(new PublishPostCommand(POST, CREATOR, null))
                .expectNoEvents();
    }

    @Test
    void schedulesPublicationAndTheSweeperPublishesAtTheScheduledInstant() {
        Instant later = now.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        fixture.given(drafted())
                .when(new PublishPostCommand(POST, CREATOR, later))
                .expectEvents(new PostPublicationScheduled(POST, CREATOR, later, now));
        fixture.given(drafted(), new PostPublicationScheduled(POST, CREATOR, later, now))
                .when(new PublishScheduledPostCommand(POST, later))
                .expectEvents(new PostPublished(POST, CREATOR, later));
    }

    @Test
    void theScheduledInstantIsKeptToTheMillisecondAsTheDatabaseReturnsIt() {
        Instant later = now.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS).plusNanos(123_456);
        Instant stored = later.truncatedTo(ChronoUnit.MILLIS);
        fixture.given(drafted())
                .when(new PublishPostCommand(POST, CREATOR, later))
                .expectEvents(new PostPublicationScheduled(POST, CREATOR, stored, now));
        fixture.given(drafted(), new PostPublicationScheduled(POST, CREATOR, stored, now))
                .when(new PublishScheduledPostCommand(POST, stored.plusNanos(1_000)))
                .expectEvents(new PostPublished(POST, CREATOR, stored));
    }

    @Test
    void aStaleScheduledJobChangesNothing() {
        Instant later = now.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        Instant rescheduled = now.plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MILLIS);
        fixture.given(drafted(), new PostPublicationScheduled(POST, CREATOR, later, now),
                        new PostPublicationScheduled(POST, CREATOR, rescheduled, now))
                .when(new PublishScheduledPostCommand(POST, later))
                .expectNoEvents();
        fixture.given(drafted(), new PostPublicationScheduled(POST, CREATOR, later, now),
                        new PostUnpublished(POST, CREATOR, now))
                .when(new PublishScheduledPostCommand(POST, later))
                .expectNoEvents();
        fixture.given(drafted(), new PostPublicationScheduled(POST, CREATOR, later, now),
                        new PostPublished(POST, CREATOR, later))
                .when(new PublishScheduledPostCommand(POST, later))
                .expectNoEvents();
    }

    @Test
    void aPublishedPostCannotBeScheduledWithoutUnpublishingFirst() {
        fixture.given(drafted(), new PostPublished(POST, CREATOR, now))
                .when(new PublishPostCommand(POST, CREATOR, now.plus(Duration.ofDays(1))))
                .expectException(DomainException.class);
    }

    @Test
    void unpublishesAPublishedPostAndIgnoresADraft() {
        fixture.given(drafted(), new PostPublished(POST, CREATOR, now))
                .when(new UnpublishPostCommand(POST, CREATOR))
                .expectEvents(new PostUnpublished(POST, CREATOR, now));
        fixture.given(drafted())
                .when(new UnpublishPostCommand(POST, CREATOR))
                .expectNoEvents();
    }

    @Test
    void deletingLeavesATombstoneAndNothingMoreCanHappen() {
        fixture.given(drafted(), new PostPublished(POST, CREATOR, now))
                .when(new DeletePostCommand(POST, CREATOR))
                .expectEvents(new PostDeleted(POST, CREATOR, now));
        fixture.given(drafted(), new PostDeleted(POST, CREATOR, now))
                .when(new PublishPostCommand(POST, CREATOR, null))
                .expectException(DomainException.class)
                .expectExceptionMessage("No such post.");
        fixture.given(drafted(), new PostDeleted(POST, CREATOR, now))
                .when(new DeletePostCommand(POST, CREATOR))
                .expectException(DomainException.class);
    }

    @Test
    void visibilityRulesKeepOnlyWhatTheTypeUses() {
        assertThat(VisibilityRules.validate(new Visibility("minTierRank", 2, List.of(TIER), null)))
                .isEqualTo(Visibility.minTierRank(2));
        assertThat(VisibilityRules.validate(new Visibility("payPerView", 9, List.of(), Money.of(5, "EUR"))))
                .isEqualTo(Visibility.payPerView(Money.of(5, "EUR"), null));
    }
}
