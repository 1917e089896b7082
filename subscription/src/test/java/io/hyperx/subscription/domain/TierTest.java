package io.hyperx.subscription.domain;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.ArchiveTierCommand;
import io.hyperx.subscription.api.BillingInterval;
import io.hyperx.subscription.api.CreateTierCommand;
import io.hyperx.subscription.api.TierArchived;
import io.hyperx.subscription.api.TierCreated;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.api.TierUpdated;
import io.hyperx.subscription.api.UpdateTierCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

class TierTest {

    static final TierId TIER = new TierId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    static final UUID CREATOR = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    AggregateTestFixture<Tier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tier.class);
    }

    static TierCreated created() {
        return new TierCreated(TIER, CREATOR, "Silver", "Monthly posts", Money.of(500, "USD"),
                BillingInterval.MONTHLY, List.of("posts"), 1, true, 100, 0, T0);
    }

    @Test
    void aCreatorAddsATier() {
        fixture.givenCurrentTime(T0)
                .when(new CreateTierCommand(TIER, CREATOR, "Silver", "Monthly posts", Money.of(500, "USD"),
                        BillingInterval.MONTHLY, List.of("posts"), 1, true, 100, 0))
                .expectEvents(created());
    }

    @Test
    void aTierMustCostSomething() {
        fixture.givenNoPriorActivity()
                .when(new CreateTierCommand(TIER, CREATOR, "Free", "", Money.of(0, "USD"), BillingInterval.MONTHLY,
                        List.of(), 1, true, null, 0))
                .expectException(SubscriptionProblem.class);
    }

    @Test
    void aNewPriceIsRecordedForNewSubscribers() {
        fixture.given(created())
                .andGivenCurrentTime(T0)
                .when(new UpdateTierCommand(TIER, CREATOR, "Silver", "Monthly posts", Money.of(700, "USD"),
                        List.of("posts"), 1, true, 100, 7))
                .expectEvents(new TierUpdated(TIER, CREATOR, "Silver", "Monthly posts", Money.of(700, "USD"),
                        List.of("posts"), 1, true, 100, 7, T0));
    }

    @Test
    void onlyTheTiersCreatorMayChangeIt() {
        fixture.given(created())
                .when(new ArchiveTierCommand(TIER, UUID.randomUUID()))
                .expectException(SubscriptionProblem.class);
    }

    @Test
    void archivingIsOnceAndFreezesTheTier() {
        fixture.given(created())
                .andGivenCurrentTime(T0)
                .when(new ArchiveTierCommand(TIER, CREATOR))
                .expectEvents(new TierArchived(TIER, CREATOR, T0));
        fixture.given(created(), new TierArchived(TIER, CREATOR, T0))
                .when(new ArchiveTierCommand(TIER, CREATOR))
                .expectNoEvents();
        fixture.given(created(), new TierArchived(TIER, CREATOR, T0))
                .when(new UpdateTierCommand(TIER, CREATOR, "Silver", "", Money.of(700, "USD"), List.of(), 1, true,
                        null, 0))
                .expectException(SubscriptionProblem.class);
    }
}
