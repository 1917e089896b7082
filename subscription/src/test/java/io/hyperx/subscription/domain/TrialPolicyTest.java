package io.hyperx.subscription.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrialPolicyTest {

    @Test
    void aFirstTrialIsGranted() {
        assertThatCode(() -> TrialPolicy.check(14, 0, 1)).doesNotThrowAnyException();
    }

    @Test
    void aFanWhoHadTheCreatorsTrialsIsRefusedAnother() {
        assertThatThrownBy(() -> TrialPolicy.check(14, 1, 1))
                .isInstanceOfSatisfying(SubscriptionProblem.class, problem -> {
                    assertThat(problem.code()).isEqualTo("trial_already_used");
                    assertThat(problem.status()).isEqualTo(422);
                });
        assertThatThrownBy(() -> TrialPolicy.check(7, 3, 3)).isInstanceOf(SubscriptionProblem.class);
    }

    @Test
    void moreTrialsMayBeAllowedPerCreator() {
        assertThatCode(() -> TrialPolicy.check(14, 2, 3)).doesNotThrowAnyException();
    }

    @Test
    void tiersWithoutATrialAreNotLimited() {
        assertThatCode(() -> TrialPolicy.check(0, 5, 1)).doesNotThrowAnyException();
    }
}
