package io.hyperx.economy.domain;

import io.hyperx.kernel.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentSplitProperties {

    @Property
    void thePartsSumExactlyToTheGrossAndNoneIsNegative(@ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long gross,
                                                       @ForAll @IntRange(min = 0, max = 10_000) int platformBps,
                                                       @ForAll @IntRange(min = 0, max = 10_000) int charityBps,
                                                       @ForAll @IntRange(min = 0, max = 1_000) int processorBps,
                                                       @ForAll @LongRange(min = 0, max = 1_000) long fixed) {
        PaymentSplitPolicy.Parts parts = PaymentSplitPolicy.split(Money.of(gross, "USD"), null, processorBps, fixed,
                platformBps, Math.min(charityBps, 10_000 - platformBps));
        assertThat(parts.total()).isEqualTo(Money.of(gross, "USD"));
        assertThat(parts.processorFee().signum()).isNotNegative();
        assertThat(parts.platformFee().signum()).isNotNegative();
        assertThat(parts.charity().signum()).isNotNegative();
        assertThat(parts.net().signum()).isNotNegative();
    }

    @Property
    void withRoomForEveryFeeEachShareIsWithinOneMinorUnitOfItsExactShare(
            @ForAll @LongRange(min = 1_000, max = 1_000_000_000L) long gross,
            @ForAll @IntRange(min = 0, max = 2_000) int platformBps,
            @ForAll @IntRange(min = 0, max = 2_000) int charityBps) {
        PaymentSplitPolicy.Parts parts = PaymentSplitPolicy.split(Money.of(gross, "EUR"), null, 290, 30,
                platformBps, charityBps);
        assertWithinOne(parts.platformFee().amountMinor(), gross, platformBps);
        assertWithinOne(parts.charity().amountMinor(), gross, charityBps);
        assertWithinOne(parts.processorFee().amountMinor() - 30, gross, 290);
    }

    @Property
    void aKnownProcessorFeeIsTakenAsReportedWhenItFits(@ForAll @LongRange(min = 1, max = 100_000_000L) long gross,
                                                       @ForAll @LongRange(min = 0, max = 100_000_000L) long fee) {
        PaymentSplitPolicy.Parts parts = PaymentSplitPolicy.split(Money.of(gross, "USD"), Money.of(fee, "USD"),
                290, 30, 500, 100);
        assertThat(parts.processorFee().amountMinor()).isEqualTo(Math.min(fee, gross));
        assertThat(parts.total()).isEqualTo(Money.of(gross, "USD"));
    }

    @Property
    void partialRefundsTogetherReverseThePaymentExactly(@ForAll @LongRange(min = 1, max = 10_000_000L) long gross,
                                                        @ForAll @IntRange(min = 1, max = 7) int refunds) {
        Money whole = Money.of(gross, "USD");
        PaymentSplitPolicy.Parts remaining = PaymentSplitPolicy.split(whole, null, 290, 30, 500, 100);
        PaymentSplitPolicy.Parts original = remaining;
        long refundedSoFar = 0;
        for (Money refund : whole.allocate(new long[refunds].length == 0 ? new long[]{1} : ones(refunds))) {
            if (refund.signum() == 0) {
                continue;
            }
            PaymentSplitPolicy.Parts reversal = RefundReversalPolicy.reverse(remaining, refund);
            assertThat(reversal.total()).isEqualTo(refund);
            remaining = new PaymentSplitPolicy.Parts(remaining.processorFee().minus(reversal.processorFee()),
                    remaining.platformFee().minus(reversal.platformFee()),
                    remaining.charity().minus(reversal.charity()), remaining.net().minus(reversal.net()));
            assertThat(remaining.processorFee().signum()).isNotNegative();
            assertThat(remaining.platformFee().signum()).isNotNegative();
            assertThat(remaining.charity().signum()).isNotNegative();
            assertThat(remaining.net().signum()).isNotNegative();
            refundedSoFar += refund.amountMinor();
            assertThat(remaining.total().amountMinor()).isEqualTo(gross - refundedSoFar);
        }
        assertThat(remaining.total().signum()).isZero();
        assertThat(original.total()).isEqualTo(whole);
    }

    private static long[] ones(int n) {
        long[] ratios = new long[n];
        java.util.Arrays.fill(ratios, 1);
        return ratios;
    }

    private static void assertWithinOne(long actual, long gross, int bps) {
        BigInteger exactTimes10000 = BigInteger.valueOf(gross).multiply(BigInteger.valueOf(bps));
        BigInteger actualTimes10000 = BigInteger.valueOf(actual).multiply(BigInteger.valueOf(10_000));
        assertThat(exactTimes10000.subtract(actualTimes10000).abs())
                .isLessThan(BigInteger.valueOf(10_000));
    }
}
