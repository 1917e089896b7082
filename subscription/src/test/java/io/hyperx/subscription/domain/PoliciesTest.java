package io.hyperx.subscription.domain;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.BillingInterval;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PoliciesTest {

    static final Instant JAN_31 = Instant.parse("2026-01-31T10:00:00Z");

    @Test
    void billingPeriodPolicyRunsCalendarMonthsAndYears() {
        assertThat(BillingPeriodPolicy.periodEnd(JAN_31, BillingInterval.MONTHLY))
                .isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(BillingPeriodPolicy.periodEnd(JAN_31, BillingInterval.ANNUAL))
                .isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
    }

    @Test
    void prorationPolicyChargesTheRemainingShareOfTheDifferenceExactly() {
        Instant start = Instant.parse("2026-04-01T00:00:00Z");
        Instant end = Instant.parse("2026-05-01T00:00:00Z"); // 30 days
        Instant tenDaysIn = Instant.parse("2026-04-11T00:00:00Z");
        Money charge = ProrationPolicy.upgradeCharge(Money.of(500, "USD"), Money.of(1500, "USD"), start, end, tenDaysIn);
        assertThat(charge).isEqualTo(Money.of(667, "USD")); // 1000 * 20/30 = 666.67 -> 667, elapsed share 333
    }

    @Test
    void prorationPolicyChargesNothingForACheaperTierOrAfterThePeriod() {
        Instant start = Instant.parse("2026-04-01T00:00:00Z");
        Instant end = Instant.parse("2026-05-01T00:00:00Z");
        assertThat(ProrationPolicy.upgradeCharge(Money.of(1500, "USD"), Money.of(500, "USD"), start, end, start))
                .isEqualTo(Money.of(0, "USD"));
        assertThat(ProrationPolicy.upgradeCharge(Money.of(500, "USD"), Money.of(1500, "USD"), start, end, end))
                .isEqualTo(Money.of(0, "USD"));
    }

    @Test
    void prorationPolicyCallsAHigherPriceOrAHigherRankAtTheSamePriceAnUpgrade() {
        assertThat(ProrationPolicy.isUpgrade(Money.of(500, "USD"), 1, Money.of(600, "USD"), 0)).isTrue();
        assertThat(ProrationPolicy.isUpgrade(Money.of(500, "USD"), 1, Money.of(500, "USD"), 2)).isTrue();
        assertThat(ProrationPolicy.isUpgrade(Money.of(500, "USD"), 2, Money.of(400, "USD"), 3)).isFalse();
    }

    @Test
    void gracePeriodPolicyRetriesOnlyInsideTheGracePeriod() {
        GracePeriodPolicy policy = GracePeriodPolicy.ofDays(4, List.of(5, 1, 3));
        Instant failed = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(policy.graceEndsAt(failed)).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
        assertThat(policy.retryTimes(failed)).containsExactly(Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-04T00:00:00Z"));
    }
}
