package io.hyperx.content.domain;

import io.hyperx.content.api.Visibility;
import io.hyperx.content.domain.AccessPolicy.HeldTier;
import io.hyperx.content.domain.AccessPolicy.Outcome;
import io.hyperx.content.domain.AccessPolicy.Viewer;
import io.hyperx.kernel.Money;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {

    private static final UUID CREATOR = UUID.randomUUID();
    private static final UUID FAN = UUID.randomUUID();
    private static final UUID BRONZE = UUID.randomUUID();
    private static final UUID GOLD = UUID.randomUUID();
    private static final Viewer READER = new Viewer(FAN, true);

    private static AccessPolicy.Entitlements holding(boolean unlocked, HeldTier... tiers) {
        return new AccessPolicy.Entitlements() {
            @Override
            public List<HeldTier> heldTiers() {
                return List.of(tiers);
            }

            @Override
            public boolean unlocked() {
                return unlocked;
            }
        };
    }

    private static final AccessPolicy.Entitlements NOTHING = holding(false);
    private static final AccessPolicy.Entitlements FAILING = new AccessPolicy.Entitlements() {
        @Override
        public List<HeldTier> heldTiers() {
            throw new IllegalStateException("projection unavailable");
        }

        @Override
        public boolean unlocked() {
            throw new IllegalStateException("projection unavailable");
        }
    };

    @Test
    void publicPostsNeedNothingNotEvenEntitlements() {
        assertThat(AccessPolicy.decide(CREATOR, Visibility.everyone(), Viewer.ANONYMOUS, FAILING))
                .isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void anonymousCallersGet401ForEverythingElse() {
        for (Visibility visibility : List.of(Visibility.members(), Visibility.minTierRank(1),
                Visibility.tiers(List.of(BRONZE)), Visibility.payPerView(Money.of(100, "USD"), null))) {
            assertThat(AccessPolicy.decide(CREATOR, visibility, Viewer.ANONYMOUS, NOTHING))
                    .isEqualTo(Outcome.UNAUTHENTICATED);
        }
    }

    @Test
    void theCreatorReadsOwnPosts() {
        assertThat(AccessPolicy.decide(CREATOR, Visibility.payPerView(Money.of(100, "USD"), null),
                new Viewer(CREATOR, true), FAILING)).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aCredentialWithoutContentViewIsRefused() {
        assertThat(AccessPolicy.decide(CREATOR, Visibility.members(), new Viewer(FAN, false),
                holding(false, new HeldTier(BRONZE, 1)))).isEqualTo(Outcome.CAPABILITY_MISSING);
    }

    @Test
    void membersPostsNeedAnyHeldTier() {
        assertThat(AccessPolicy.decide(CREATOR, Visibility.members(), READER, NOTHING))
                .isEqualTo(Outcome.INSUFFICIENT_TIER);
        assertThat(AccessPolicy.decide(CREATOR, Visibility.members(), READER, holding(false, new HeldTier(BRONZE, 1))))
                .isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void minimumRankComparesTheHighestHeldRank() {
        assertThat(AccessPolicy.decide(CREATOR, Visibility.minTierRank(2), READER,
                holding(false, new HeldTier(BRONZE, 1)))).isEqualTo(Outcome.INSUFFICIENT_TIER);
        assertThat(AccessPolicy.decide(CREATOR, Visibility.minTierRank(2), READER,
                holding(false, new HeldTier(GOLD, 3)))).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void specificTiersNeedOneOfThem() {
        assertThat(AccessPolicy.decide(CREATOR, Visibility.tiers(List.of(GOLD)), READER,
                holding(false, new HeldTier(BRONZE, 5)))).isEqualTo(Outcome.INSUFFICIENT_TIER);
        assertThat(AccessPolicy.decide(CREATOR, Visibility.tiers(List.of(GOLD)), READER,
                holding(false, new HeldTier(GOLD, 1)))).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void payPerViewIsUnlockedByPaymentOrFreeForItsTiers() {
        Visibility ppv = Visibility.payPerView(Money.of(300, "USD"), List.of(GOLD));
        assertThat(AccessPolicy.decide(CREATOR, ppv, READER, holding(false, new HeldTier(BRONZE, 1))))
                .isEqualTo(Outcome.PAYMENT_REQUIRED);
        assertThat(AccessPolicy.decide(CREATOR, ppv, READER, holding(true))).isEqualTo(Outcome.ALLOWED);
        assertThat(AccessPolicy.decide(CREATOR, ppv, READER, holding(false, new HeldTier(GOLD, 2))))
                .isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void anUnknownPolicyIsNeverAllowed() {
        assertThat(AccessPolicy.decide(CREATOR, new Visibility("friends", null, null, null), READER,
                holding(true, new HeldTier(GOLD, 9)))).isEqualTo(Outcome.UNDECIDABLE);
        assertThat(AccessPolicy.decide(CREATOR, null, READER, NOTHING)).isEqualTo(Outcome.UNDECIDABLE);
    }
}
