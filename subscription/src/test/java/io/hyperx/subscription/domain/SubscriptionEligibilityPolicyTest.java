package io.hyperx.subscription.domain;

import io.hyperx.subscription.domain.SubscriptionEligibilityPolicy.TierTerms;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionEligibilityPolicyTest {

    static final UUID CREATOR = UUID.randomUUID();
    static final UUID FAN = UUID.randomUUID();

    @Test
    void aFanMaySubscribeToAPublishedTierWithRoom() {
        assertThatCode(() -> SubscriptionEligibilityPolicy.check(FAN, new TierTerms(CREATOR, true, false, 2, 1), false))
                .doesNotThrowAnyException();
    }

    @Test
    void eachRefusalHasItsCodeAndStatus() {
        refused(CREATOR, new TierTerms(CREATOR, true, false, null, 0), false, "own_tier", 422);
        refused(FAN, new TierTerms(CREATOR, true, true, null, 0), false, "tier_archived", 409);
        refused(FAN, new TierTerms(CREATOR, false, false, null, 0), false, "tier_not_published", 422);
        refused(FAN, new TierTerms(CREATOR, true, false, 1, 1), true, "already_subscribed", 409);
        refused(FAN, new TierTerms(CREATOR, true, false, 1, 1), false, "tier_full", 409);
    }

    private static void refused(UUID fan, TierTerms tier, boolean subscribed, String code, int status) {
        assertThatThrownBy(() -> SubscriptionEligibilityPolicy.check(fan, tier, subscribed))
                .isInstanceOfSatisfying(SubscriptionProblem.class, problem -> {
                    org.assertj.core.api.Assertions.assertThat(problem.code()).isEqualTo(code);
                    org.assertj.core.api.Assertions.assertThat(problem.status()).isEqualTo(status);
                });
    }
}
